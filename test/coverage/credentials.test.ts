import * as assert from 'node:assert/strict';
import { resolvedOnce } from '../../client/src/coverage/guardDuty/credentials';

describe('credentials shared by the regions of a load (resolvedOnce)', () => {
  const counting = (answers: (() => Promise<{ accessKeyId: string; secretAccessKey: string }>)[]) => {
    let calls = 0;
    const provider = () => answers[Math.min(calls++, answers.length - 1)]();
    return { provider, calls: () => calls };
  };

  it('asks the provider once, however many callers and however concurrently they ask', async () => {
    const { provider, calls } = counting([async () => ({ accessKeyId: 'first', secretAccessKey: 's' })]);
    const shared = resolvedOnce(provider) as () => Promise<{ accessKeyId: string }>;
    const identities = await Promise.all([shared(), shared(), shared()]);
    assert.deepEqual(
      identities.map((identity) => identity.accessKeyId),
      ['first', 'first', 'first'],
    );
    assert.equal(calls(), 1);
  });

  it('shares a failure too: one failing role assumption, not one per region', async () => {
    const { provider, calls } = counting([() => Promise.reject(new Error('profile not found'))]);
    const shared = resolvedOnce(provider) as () => Promise<unknown>;
    await assert.rejects(shared(), /profile not found/);
    await assert.rejects(shared(), /profile not found/);
    assert.equal(calls(), 1);
  });

  it('resolves anew when a caller forces a refresh, and the later callers share the new answer', async () => {
    const { provider, calls } = counting([async () => ({ accessKeyId: 'expired', secretAccessKey: 's' }), async () => ({ accessKeyId: 'renewed', secretAccessKey: 's' })]);
    const shared = resolvedOnce(provider) as (properties?: Record<string, unknown>) => Promise<{ accessKeyId: string }>;
    assert.equal((await shared()).accessKeyId, 'expired');
    assert.equal((await shared({ forceRefresh: true })).accessKeyId, 'renewed');
    assert.equal((await shared()).accessKeyId, 'renewed');
    assert.equal(calls(), 2);
  });

  it('passes explicit credentials through as they are', () => {
    const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
    assert.equal(resolvedOnce(credentials), credentials);
  });
});
