// mode="redirect" when the provider sends the user back: the host page is shown again, and Back
// does not reload the linking URL. (Its own file, so its own tab history: a test that went Back
// leaves entries ahead, which the next pushState drops, and flow-redirect.test.ts counts entries.)
// In a frame, whose entries are the tab's (joint session history); real clicks.
import { expect } from '@open-wc/testing';
import { cleanUp, quietFor } from './helpers.js';
import { backHome, frameAt, HOST_PAGE, MARK, redirectFlow } from './redirect-frame.js';

describe('mode="redirect" and the tab history, sent back by the provider', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    sessionStorage.removeItem(MARK);
    await cleanUp();
  });

  it('sent back by the provider, the host page is shown again and Back does not reload the linking URL', async () => {
    const returnUrl = `${location.origin}${HOST_PAGE}?returned=1`;
    const flow = await redirectFlow([`go:${encodeURIComponent(returnUrl)}`]);
    frame = flow.frame;
    await backHome(frame);
    history.back();
    await quietFor(1500);
    expect(await flow.link.loads()).to.have.length(1);
    expect(frameAt(frame)).to.equal(HOST_PAGE);
  });
});
