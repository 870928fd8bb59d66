import * as assert from 'node:assert/strict';
import { TruncationNotices } from '../../server/src/lsp/truncationNotices';

describe('TruncationNotices', () => {
  let logged: string[];
  let notices: TruncationNotices;
  beforeEach(() => {
    logged = [];
    notices = new TruncationNotices(200, (message) => logged.push(message));
  });

  it('logs a capped document once, not on every keystroke that keeps its findings', () => {
    notices.published('file:///big.json', 5000, 200);
    notices.published('file:///big.json', 5000, 200);
    notices.published('file:///big.json', 5000, 200);
    assert.deepEqual(logged, ['file:///big.json has 5000 findings; the first 200 of each rule are shown (ecs-guard lint lists them all).']);
  });

  it('logs again when the number of findings changes', () => {
    notices.published('file:///big.json', 5000, 200);
    notices.published('file:///big.json', 5001, 200);
    assert.equal(logged.length, 2);
    assert.match(logged[1], /has 5001 findings/);
  });

  it('logs nothing for a document shown whole, and logs again once it is capped anew', () => {
    notices.published('file:///small.json', 12, 12);
    assert.deepEqual(logged, []);
    notices.published('file:///big.json', 5000, 200);
    notices.published('file:///big.json', 150, 150);
    notices.published('file:///big.json', 5000, 200);
    assert.equal(logged.length, 2);
  });

  it('logs a reopened document again', () => {
    notices.published('file:///big.json', 5000, 200);
    notices.forget('file:///big.json');
    notices.published('file:///big.json', 5000, 200);
    assert.equal(logged.length, 2);
  });
});
