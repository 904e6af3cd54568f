// mode="redirect" keeps the bearer URL out of the tab's history: the linking page replaces an
// entry of the host page pushed for it, so Back from it returns to the host page and Forward then
// does not reload it. (Sent back by the provider: flow-redirect-return.test.ts, in its own tab.)
// In a frame, whose entries are the tab's (joint session history); real clicks.
import { expect } from '@open-wc/testing';
import { cleanUp, quietFor, waitFor } from './helpers.js';
import { backHome, frameAt, HOST_PAGE, MARK, redirectFlow } from './redirect-frame.js';

describe('mode="redirect" and the tab history', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    sessionStorage.removeItem(MARK);
    await cleanUp();
  });

  it('Back from the linking page returns to the host page; Forward then does not reload the linking URL', async () => {
    const flow = await redirectFlow();
    frame = flow.frame;
    // At most one entry for the linking page. (The provider's server sees the request before the
    // navigation commits: wait until the frame is on the provider's origin. "At most": a tab's
    // history is capped, 50 entries in Chromium, and the test runner may reuse one tab.)
    await waitFor(() => frameAt(frame!) === undefined, 'the linking page never committed');
    await quietFor(300);
    expect(history.length).to.be.at.most(flow.lengthBefore + 1);
    history.back();
    await backHome(frame);
    history.forward();
    await quietFor(1500);
    expect(await flow.link.loads()).to.have.length(1);
    expect(frameAt(frame)).to.equal(HOST_PAGE);
  });
});
