import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';

const PRIVILEGED = '{ "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": true } ] }';

describe('AnalysisCache', () => {
  it('parses a document once per version', () => {
    const cache = new AnalysisCache();
    const document = TextDocument.create('file:///task.json', 'json', 1, PRIVILEGED);
    assert.equal(cache.get(document), cache.get(document));
  });

  it('analyses the new text after the document is edited in place, as TextDocuments does', () => {
    const cache = new AnalysisCache();
    const document = TextDocument.create('file:///task.json', 'json', 1, PRIVILEGED);
    assert.ok(cache.get(document).taskDefinition);
    const edited = TextDocument.update(document, [{ text: '{ "name": "not a task definition" }' }], 2);
    assert.equal(edited, document, 'TextDocument.update mutates the document it is given');
    const analysis = cache.get(edited);
    assert.equal(analysis.document.version, 2);
    assert.equal(analysis.taskDefinition, undefined);
  });

  it('keeps each analysis consistent with the text it parsed', () => {
    const cache = new AnalysisCache();
    const document = TextDocument.create('file:///task.json', 'json', 1, PRIVILEGED);
    const first = cache.get(document);
    TextDocument.update(document, [{ text: '[]' }], 2);
    assert.equal(first.document.version, 1);
    assert.equal(first.document.getText(), first.parsed.text);
  });

  it('never answers for one document with the analysis of another at the same uri and version', () => {
    const cache = new AnalysisCache();
    const closed = TextDocument.create('untitled:Untitled-1', 'json', 1, PRIVILEGED);
    const reopened = TextDocument.create('untitled:Untitled-1', 'json', 1, '{ "name": "not a task definition" }');
    assert.ok(cache.get(closed).taskDefinition);
    assert.equal(cache.get(reopened).taskDefinition, undefined);
    assert.ok(cache.get(closed).taskDefinition, 'a late request on the closed document gets its own analysis');
    assert.equal(cache.get(reopened).parsed.text, reopened.getText());
  });
});
