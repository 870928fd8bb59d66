import * as assert from 'node:assert/strict';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { documentSymbols } from '../../server/src/editor/documentSymbols';
import { analyzeText } from '../../server/src/service/analysis';

/** Name, detail and children, as the outline shows them. */
interface Outline {
  name: string;
  detail?: string;
  children?: Outline[];
}

function outline(symbols: DocumentSymbol[]): Outline[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
    ...(symbol.children?.length ? { children: outline(symbol.children) } : {}),
  }));
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** LSP requires each selectionRange inside its range, and children inside their parent. */
function assertWellFormed(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selectionRange inside range`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

function symbolsOf(text: string): DocumentSymbol[] {
  const symbols = documentSymbols(analyzeText(text));
  assertWellFormed(symbols);
  return symbols;
}

describe('document symbols', () => {
  it('outlines a task: family, then containers with their images, runtimePlatform and volumes', () => {
    const symbols = symbolsOf(`{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64" },
  "containerDefinitions": [
    { "name": "app", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2" },
    { "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest" }
  ],
  "volumes": [ { "name": "tmp" }, { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-1" } } ]
}`);
    assert.deepEqual(outline(symbols), [
      {
        name: 'web',
        detail: 'FARGATE · cpu 512 / memory 1024',
        children: [
          { name: 'app', detail: '111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2' },
          { name: 'container #2', detail: 'public.ecr.aws/aws-observability/aws-otel-collector:latest' },
          { name: 'runtimePlatform', detail: 'LINUX / ARM64' },
          { name: 'volumes', children: [{ name: 'tmp' }, { name: 'data', detail: 'efsVolumeConfiguration' }] },
        ],
      },
    ]);
    assert.equal(symbols[0].kind, SymbolKind.Module);
    assert.equal(symbols[0].children?.[0].kind, SymbolKind.Class);
  });

  it('names a task without a family "task definition"', () => {
    assert.deepEqual(outline(symbolsOf(`{ "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`)), [{ name: 'task definition', children: [{ name: 'app', detail: 'nginx' }] }]);
  });

  it('outlines describe-task-definition output by the task inside the wrapper', () => {
    const symbols = symbolsOf(`{
  "taskDefinition": {
    "family": "api",
    "containerDefinitions": [ { "name": "api", "image": "api:2" } ]
  },
  "tags": []
}`);
    assert.deepEqual(outline(symbols), [{ name: 'api', children: [{ name: 'api', detail: 'api:2' }] }]);
    assert.equal(symbols[0].range.start.line, 1, 'the symbol spans the "taskDefinition" property');
  });

  it('lists the containers of a bare container array', () => {
    assert.deepEqual(outline(symbolsOf(`[ { "name": "app", "image": "nginx" }, { "name": "sidecar", "image": "envoy" } ]`)), [
      { name: 'app', detail: 'nginx' },
      { name: 'sidecar', detail: 'envoy' },
    ]);
  });

  it('has no symbols for other JSON files', () => {
    assert.deepEqual(symbolsOf(`{ "name": "my-package", "version": "1.0.0" }`), []);
  });
});
