import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus, taskDefinitionOfSize } from '../../bench/support/inputs';
import { analyzeText } from '../../server/src/service/analysis';

describe("the benchmark's inputs", () => {
  it('stops with a clear error when the corpus is missing or empty, rather than benchmark something else', () => {
    assert.throws(() => loadCorpus(path.join(os.tmpdir(), 'no-such-corpus')), /the corpus is missing/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-empty-corpus-'));
    try {
      assert.throws(() => loadCorpus(empty), /the corpus is empty/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('generates task definitions of at most the size asked for, close to it, that ECS Guard recognises', () => {
    for (const bytes of [2560, 64 * 1024, 1024 * 1024]) {
      const text = taskDefinitionOfSize(bytes);
      assert.ok(text.length <= bytes && text.length > bytes * 0.8, `${text.length} bytes for ${bytes}`);
      assert.ok(analyzeText(text).taskDefinition);
    }
  });
});
