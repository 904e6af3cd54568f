// mode="redirect" keeps the bearer URL out of the tab's history. The
// linking page replaces an entry of the host page pushed for it: Back from it returns to the host
// page, and once back (by Back, or sent back by the provider) neither Back nor Forward reloads the
// linking URL. In a frame, whose entries are the tab's (joint session history); real clicks.
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
    // One entry for the linking page, none more. (The provider's server sees the request before
    // the navigation commits and the tab's history grows: wait for the commit, then count.)
    await waitFor(() => history.length > flow.lengthBefore, 'the linking page never committed');
    await quietFor(300);
    expect(history.length).to.equal(flow.lengthBefore + 1);
    history.back();
    await backHome(frame);
    history.forward();
    await quietFor(1500);
    expect(await flow.link.loads()).to.have.length(1);
    expect(frameAt(frame)).to.equal(HOST_PAGE);
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
