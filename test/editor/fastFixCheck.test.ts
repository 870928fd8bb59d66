import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { editChanges } from '../../server/src/document/edits';
import { applyTextChanges } from '../../server/src/document/jsonEdit';
import { codeActions } from '../../server/src/editor/codeActions';
import { FixProposal } from '../../server/src/rules/rule';
import { Analysis, analyzeText, reanalyze } from '../../server/src/service/analysis';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { appliedProposal, documentsFor, fixProposals } from '../../server/src/service/fixes';
import { validate } from '../../server/src/service/validate';
import { taskDefinitionOfSize, templateOfSize } from '../../bench/support/inputs';
import { realTaskDefinitionFiles } from '../support/realFiles';

/** The plain path: make the edits, then analyse the whole new text and compare its syntax errors. */
function plainApply(analysis: Analysis, proposal: FixProposal): string | undefined {
  const changes = editChanges(analysis.parsed, proposal.edits);
  if (!changes || changes.length === 0) return undefined;
  const fixed = applyTextChanges(analysis.parsed.text, changes);
  return reanalyze(analysis, fixed).parsed.syntaxErrors.length > analysis.parsed.syntaxErrors.length ? undefined : fixed;
}

/** The plain edit: the whole old and new texts compared from both ends, never splitting a CRLF. */
function plainEdit(document: TextDocument, newText: string): TextEdit {
  const oldText = document.getText();
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let end = 0;
  while (end < oldText.length - start && end < newText.length - start && oldText[oldText.length - 1 - end] === newText[newText.length - 1 - end]) end++;
  if (start > 0 && oldText[start - 1] === '\r') start--;
  if (end > 0 && oldText[oldText.length - end] === '\n' && oldText[oldText.length - end - 1] === '\r') end--;
  return TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(oldText.length - end) }, newText.slice(start, newText.length - end));
}

const CFN = path.resolve(__dirname, '../../../shared/corpus/cloudformation');

/** `limit`: how many fixable findings to check (the plain path analyses the whole text per proposal: slow on 1 MB, and on YAML templates). */
function texts(): { name: string; text: string; uri: string; limit?: number }[] {
  const files = realTaskDefinitionFiles().map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8'), uri: `file:///${path.basename(file)}` }));
  const templates = fs.existsSync(CFN)
    ? fs
        .readdirSync(CFN)
        .filter((name) => /\.(ya?ml|template)$/.test(name))
        .map((name) => ({ name, text: fs.readFileSync(path.join(CFN, name), 'utf8'), uri: `file:///${name}` }))
    : [];
  const big = taskDefinitionOfSize(1024 * 1024).replace('"privileged": false', '"privileged": true');
  const generated = [
    { name: 'a 1 MB task definition', text: big, uri: 'file:///big.json', limit: 6 },
    { name: 'the 1 MB task definition with CRLF line ends', text: big.replace(/\n/g, '\r\n'), uri: 'file:///crlf.json', limit: 6 },
    { name: 'a 256 KB template made of the real ones', text: templateOfSize(256 * 1024), uri: 'file:///big.yaml', limit: 12 },
    { name: 'the 256 KB template with CRLF line ends', text: templateOfSize(256 * 1024).replace(/\n/g, '\r\n'), uri: 'file:///crlf.yaml', limit: 6 },
    { name: 'a task definition with a syntax error', text: taskDefinitionOfSize(4096).replace('"essential": false,', '"essential": false,,'), uri: 'file:///broken.json' },
  ];
  return [...files, ...templates, ...generated];
}

/** A fix checked on the edited object (fast) gives exactly what checking it on the whole new text gives. */
describe('fixes checked on the edited region', () => {
  for (const { name, text, uri, limit } of texts()) {
    it(`${name}: the same proposals apply, with the same text and the same edits`, () => {
      const analysis = analyzeText(text, uri);
      const findings = validate(analysis);
      let checked = 0;
      for (const finding of findings.filter((candidate) => candidate.fix).slice(0, limit)) {
        for (const proposal of fixProposals(analysis, finding)) {
          assert.equal(appliedProposal(analysis, proposal)?.text, plainApply(analysis, proposal), `"${proposal.title}" for ${finding.ruleId}`);
          checked++;
        }
        const diagnostic = toDiagnostic(finding);
        const quickFixes = codeActions(analysis, [diagnostic], { findings, deferFixAllEdits: true }).filter((action) => action.edit && !action.title.startsWith('Fix all'));
        const expected = fixProposals(analysis, finding).flatMap((proposal) => {
          const fixed = plainApply(analysis, proposal);
          return fixed === undefined ? [] : [plainEdit(analysis.document, fixed)];
        });
        assert.deepEqual(
          quickFixes.map((action) => action.edit!.changes![analysis.document.uri][0]),
          expected,
          `quick fixes of ${finding.ruleId} at ${JSON.stringify(finding.path)}`,
        );
      }
      if (findings.some((finding) => finding.fix)) assert.ok(checked > 0);
    });
  }
});

/** The plain lookup: every task definition of the document asked for the path, exactly then containing. */
function plainDocumentsFor(analysis: Analysis, path: (string | number)[]) {
  const located = (exact: boolean) =>
    analysis.taskDefinitions.flatMap((doc) => {
      if (!doc.template) return exact ? [{ doc, path }] : [];
      const apiPath = doc.template.apiPath(path, exact);
      return apiPath ? [{ doc, path: apiPath }] : [];
    });
  return [...located(true), ...located(false)];
}

describe('the task definitions a fix looks in, found by the resource its path names', () => {
  for (const { name, text, uri } of texts()) {
    it(`${name}: the same task definitions, in the same order, with the same paths, as asking every one`, () => {
      const analysis = analyzeText(text, uri);
      const findings = validate(analysis);
      const paths = [...findings.map((finding) => finding.path), [], ['Resources'], ['Resources', 'Missing', 'Properties'], ['containerDefinitions', 0]];
      for (const path of paths.slice(0, 400)) assert.deepEqual(documentsFor(analysis, path), plainDocumentsFor(analysis, path), JSON.stringify(path));
    });
  }
});
