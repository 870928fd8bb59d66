import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, CompletionRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsOf, fileUri, LspTestClient } from '../support/lspClient';
import { applyWorkspaceEdit } from '../support/codeActions';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app # the web app
          Image: nginx
          Privileged: true
`;

/** A YAML template opened as the VS Code client sends it (language id yaml), through a real client over stdio. */
describe('CloudFormation YAML templates over stdio (dist/server/server.js)', () => {
  let server: LspTestClient;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-templates-'));
    server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }] });
  });
  after(() => {
    server.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('publishes diagnostics on the template, hovers with template names and fixes in YAML', async () => {
    const uri = fileUri(path.join(folder, 'stack.yaml'));
    const published = await server.open(uri, TEMPLATE, 'yaml');
    const [privileged] = diagnosticsOf(published, 'privileged-container');
    const document = TextDocument.create(uri, 'yaml', 1, TEMPLATE);
    assert.equal(TEMPLATE.slice(document.offsetAt(privileged.range.start), document.offsetAt(privileged.range.end)), 'true');
    assert.match(privileged.message, /^WebTask: Container "app" runs privileged/);

    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: privileged.range.start });
    assert.match((hover?.contents as MarkupContent).value, /\*\*Privileged\*\*/);

    const actions = (await server.request(CodeActionRequest.type, { textDocument: { uri }, range: privileged.range, context: { diagnostics: [privileged] } })) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Set "Privileged": false');
    assert.ok(fix, actions.map((action) => action.title).join('\n'));
    assert.equal(applyWorkspaceEdit(fix.edit, uri, TEMPLATE), TEMPLATE.replace('Privileged: true', 'Privileged: false'));
    await server.close(uri);
  });

  it('completes property names in the template spelling', async () => {
    const uri = fileUri(path.join(folder, 'completion.yaml'));
    const text = TEMPLATE.replace('          Privileged: true\n', '          Read\n');
    await server.open(uri, text, 'yaml');
    const line = text.split('\n').findIndex((each) => each === '          Read');
    const result = await server.request(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 14 } });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
    assert.ok(labels.includes('ReadonlyRootFilesystem'), labels.join());
    await server.close(uri);
  });

  it('hovers and completes the properties of a service, in a template without task definitions and in CLI input', async () => {
    const uri = fileUri(path.join(folder, 'service.yaml'));
    const text = `Resources:\n  Api:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n      PlatformVersion: LATEST\n      \n`;
    await server.open(uri, text, 'yaml');
    const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 8 } });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*PlatformVersion\*\* · string/);
    assert.match((hover?.contents as MarkupContent).value, /\*\*Security Hub ECS\.10\*\*: .*\[fargate-platform-version\]/);
    const result = await server.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 6, character: 6 } });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((item) => item.label);
    assert.ok(labels.includes('NetworkConfiguration') && !labels.includes('PlatformVersion') && !labels.includes('CapacityProviderStrategy'), labels.join());
    await server.close(uri);

    const inputUri = fileUri(path.join(folder, 'create-service.json'));
    const input = '{ "serviceName": "api", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "" } } }';
    await server.open(inputUri, input, 'json');
    const values = await server.request(CompletionRequest.type, { textDocument: { uri: inputUri }, position: { line: 0, character: input.indexOf('""') + 1 } });
    assert.deepEqual(
      (Array.isArray(values) ? values : (values?.items ?? [])).map((item) => item.label),
      ['"DISABLED"', '"ENABLED"'],
    );
    await server.close(inputUri);
  });

  it('leaves other YAML alone: no diagnostics', async () => {
    const uri = fileUri(path.join(folder, 'compose.yaml'));
    const published = await server.open(uri, 'services:\n  web:\n    image: nginx\n    privileged: true\n', 'yaml');
    assert.deepEqual(published.diagnostics, []);
    await server.close(uri);
  });
});
