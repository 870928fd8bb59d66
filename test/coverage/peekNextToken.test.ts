import * as assert from 'node:assert/strict';
import { nextTokenIn } from '../../client/src/coverage/guardDuty/peekNextToken';

// The token read from a raw ListCoverage answer decides whether the next page is asked for early: it must be
// the token the SDK will give, and nothing when the answer is one the checks after the SDK would refuse.
describe('the next page token of a raw ListCoverage answer', () => {
  const answer = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('is the answer’s nextToken', () => {
    assert.equal(nextTokenIn(answer({ resources: [{ resourceId: 'a' }], nextToken: 'page-2' })), 'page-2');
  });

  it('is none on the last page, or when the token is empty (the SDK’s answer then ends the list too)', () => {
    assert.equal(nextTokenIn(answer({ resources: [] })), undefined);
    assert.equal(nextTokenIn(answer({ resources: [], nextToken: '' })), undefined);
    assert.equal(nextTokenIn(answer({ resources: [], nextToken: null })), undefined);
  });

  it('is none for an answer without a resources list, with a token that is not a string, or that is not JSON', () => {
    assert.equal(nextTokenIn(answer({ nextToken: 'page-2' })), undefined);
    assert.equal(nextTokenIn(answer({ resources: {}, nextToken: 'page-2' })), undefined);
    assert.equal(nextTokenIn(answer({ resources: [], nextToken: 2 })), undefined);
    assert.equal(nextTokenIn(answer(['page-2'])), undefined);
    assert.equal(nextTokenIn(Buffer.from('{"resources": [], "nextToken": "page-2"')), undefined);
  });

  it('is none when the key is written with escapes (that page is then asked for after the SDK parsed its answer)', () => {
    assert.equal(nextTokenIn(Buffer.from('{"resources": [], "next\\u0054oken": "page-2"}')), undefined);
    assert.equal(JSON.parse('{"next\\u0054oken": "page-2"}').nextToken, 'page-2');
  });
});
