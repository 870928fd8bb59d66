import * as assert from 'node:assert/strict';
import { guardDutyAgentMemoryMiB, validCpuValues, validMemoryFor } from '../../server/src/editor/fargateTable';

describe('Fargate size table (temporary copy)', () => {
  it('lists the Linux and Windows cpu values', () => {
    assert.deepEqual(validCpuValues('LINUX'), [256, 512, 1024, 2048, 4096, 8192, 16384]);
    assert.deepEqual(validCpuValues('WINDOWS'), [1024, 2048, 4096]);
  });

  it('lists the memory values of each cpu', () => {
    assert.deepEqual(validMemoryFor(256, 'LINUX'), [512, 1024, 2048]);
    assert.equal(validMemoryFor(4096, 'LINUX').length, 23);
    assert.deepEqual(validMemoryFor(8192, 'LINUX').slice(0, 3), [16384, 20480, 24576]);
    assert.equal(validMemoryFor(16384, 'LINUX').at(-1), 122880);
    assert.deepEqual(validMemoryFor(256, 'WINDOWS'), []);
    assert.deepEqual(validMemoryFor(300, 'LINUX'), []);
  });

  it('gives the GuardDuty agent share by task size', () => {
    assert.equal(guardDutyAgentMemoryMiB(256, 512), 128);
    assert.equal(guardDutyAgentMemoryMiB(4096, 30720), 128);
    assert.equal(guardDutyAgentMemoryMiB(8192, 28672), 256);
    assert.equal(guardDutyAgentMemoryMiB(8192, 32768), 512);
    assert.equal(guardDutyAgentMemoryMiB(16384, 122880), 1024);
    assert.equal(guardDutyAgentMemoryMiB(512, 512), undefined);
  });
});
