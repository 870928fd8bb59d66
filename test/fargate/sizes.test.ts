import * as assert from 'node:assert/strict';
import {
  describeMemoryValues,
  guardDutyAgentMemoryMiB,
  isValidCpu,
  isValidPair,
  listWithOr,
  nearestValidMemory,
  smallestCpuFor,
  smallestValidMemoryAtLeast,
  validCpuValues,
  validMemoryFor,
} from '../../server/src/fargate/sizes';

describe('fargate sizes', () => {
  describe('validCpuValues', () => {
    it('lists .25 to 16 vCPU on Linux, the default', () => {
      assert.deepEqual(validCpuValues(), [256, 512, 1024, 2048, 4096, 8192, 16384]);
      assert.deepEqual(validCpuValues('linux'), validCpuValues());
    });

    it('lists 1, 2 and 4 vCPU on Windows', () => {
      assert.deepEqual(validCpuValues('windows'), [1024, 2048, 4096]);
      assert.equal(isValidCpu(512, 'windows'), false);
      assert.equal(isValidCpu(8192, 'windows'), false);
      assert.equal(isValidCpu(8192), true);
    });
  });

  describe('validMemoryFor', () => {
    it('gives the ECS table for each cpu', () => {
      assert.deepEqual(validMemoryFor(256), [512, 1024, 2048]);
      assert.deepEqual(validMemoryFor(512), [1024, 2048, 3072, 4096]);
      assert.deepEqual(validMemoryFor(1024), [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
      assert.equal(validMemoryFor(2048).length, 13);
      assert.deepEqual([validMemoryFor(2048)[0], validMemoryFor(2048).at(-1)], [4096, 16384]);
      assert.equal(validMemoryFor(4096).length, 23);
      assert.deepEqual([validMemoryFor(4096)[0], validMemoryFor(4096).at(-1)], [8192, 30720]);
      assert.deepEqual(validMemoryFor(8192), [16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440]);
      assert.deepEqual(validMemoryFor(16384), [32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880]);
    });

    it('gives the same memory on Windows for the cpu values Windows has, and none for the others', () => {
      assert.deepEqual(validMemoryFor(2048, 'windows'), validMemoryFor(2048));
      assert.deepEqual(validMemoryFor(256, 'windows'), []);
      assert.deepEqual(validMemoryFor(16384, 'windows'), []);
    });

    it('gives nothing for a cpu that is not a Fargate size', () => {
      assert.deepEqual(validMemoryFor(1000), []);
      assert.deepEqual(validMemoryFor(0), []);
    });
  });

  describe('isValidPair', () => {
    it('accepts table pairs and rejects the rest', () => {
      assert.equal(isValidPair(256, 512), true);
      assert.equal(isValidPair(256, 1536), false, '256 has no 1.5 GB');
      assert.equal(isValidPair(256, 3072), false);
      assert.equal(isValidPair(1024, 1024), false);
      assert.equal(isValidPair(4096, 30720), true);
      assert.equal(isValidPair(8192, 18432), false, '8 vCPU steps by 4 GB');
      assert.equal(isValidPair(16384, 122880), true);
      assert.equal(isValidPair(1024, 2048, 'windows'), true);
      assert.equal(isValidPair(512, 1024, 'windows'), false);
    });
  });

  describe('nearestValidMemory', () => {
    it('rounds up to the next valid value', () => {
      assert.equal(nearestValidMemory(1024, 2500), 3072);
      assert.equal(nearestValidMemory(1024, 1024), 2048);
      assert.equal(nearestValidMemory(8192, 18432), 20480);
      assert.equal(nearestValidMemory(256, 1536), 2048);
    });

    it('keeps a valid value and falls back to the largest above the range', () => {
      assert.equal(nearestValidMemory(512, 3072), 3072);
      assert.equal(nearestValidMemory(256, 4096), 2048);
    });

    it('has no answer for an unknown cpu', () => {
      assert.equal(nearestValidMemory(1000, 2048), undefined);
      assert.equal(nearestValidMemory(256, 2048, 'windows'), undefined);
    });
  });

  describe('smallestValidMemoryAtLeast', () => {
    it('is undefined above the range', () => {
      assert.equal(smallestValidMemoryAtLeast(256, 2049), undefined);
      assert.equal(smallestValidMemoryAtLeast(256, 2048), 2048);
    });
  });

  describe('smallestCpuFor', () => {
    it('finds the smallest cpu that allows the memory', () => {
      assert.equal(smallestCpuFor(512), 256);
      assert.equal(smallestCpuFor(2048), 256);
      assert.equal(smallestCpuFor(3072), 512);
      assert.equal(smallestCpuFor(30720), 4096);
      assert.equal(smallestCpuFor(32768), 8192);
      assert.equal(smallestCpuFor(65536), 16384);
    });

    it('respects the Windows table', () => {
      assert.equal(smallestCpuFor(2048, 'windows'), 1024);
      assert.equal(smallestCpuFor(512, 'windows'), undefined);
      assert.equal(smallestCpuFor(32768, 'windows'), undefined);
    });

    it('is undefined for memory no cpu allows', () => {
      assert.equal(smallestCpuFor(1536), undefined);
      assert.equal(smallestCpuFor(131072), undefined);
    });
  });

  describe('guardDutyAgentMemoryMiB', () => {
    it('is 128 up to 4 vCPU', () => {
      assert.equal(guardDutyAgentMemoryMiB(256, 512), 128);
      assert.equal(guardDutyAgentMemoryMiB(1024, 8192), 128);
      assert.equal(guardDutyAgentMemoryMiB(4096, 30720), 128);
    });

    it('is 256 at 8 vCPU up to 28 GB, 512 from 32 GB', () => {
      assert.equal(guardDutyAgentMemoryMiB(8192, 16384), 256);
      assert.equal(guardDutyAgentMemoryMiB(8192, 28672), 256);
      assert.equal(guardDutyAgentMemoryMiB(8192, 32768), 512);
      assert.equal(guardDutyAgentMemoryMiB(8192, 61440), 512);
    });

    it('is 1 GB at 16 vCPU', () => {
      assert.equal(guardDutyAgentMemoryMiB(16384, 32768), 1024);
      assert.equal(guardDutyAgentMemoryMiB(16384, 122880), 1024);
    });

    it('is unknown for a cpu that is not a Fargate size', () => {
      assert.equal(guardDutyAgentMemoryMiB(1000, 2048), undefined);
    });
  });

  describe('describeMemoryValues', () => {
    it('lists up to three values, and names longer even ranges by their ends and step', () => {
      assert.equal(describeMemoryValues(validMemoryFor(256)), '512, 1024 or 2048 MiB');
      assert.equal(describeMemoryValues(validMemoryFor(512)), '1024 to 4096 MiB in steps of 1024');
      assert.equal(describeMemoryValues(validMemoryFor(1024)), '2048 to 8192 MiB in steps of 1024');
      assert.equal(describeMemoryValues(validMemoryFor(8192)), '16384 to 61440 MiB in steps of 4096');
      assert.equal(describeMemoryValues(validMemoryFor(16384)), '32768 to 122880 MiB in steps of 8192');
      assert.equal(describeMemoryValues([2048]), '2048 MiB');
      assert.equal(describeMemoryValues([]), 'no memory value');
    });

    it('joins with "or"', () => {
      assert.equal(listWithOr(['a', 'b', 'c']), 'a, b or c');
      assert.equal(listWithOr(['a']), 'a');
    });
  });
});
