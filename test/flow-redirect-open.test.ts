// mode="redirect" opening: the event, then the page itself goes to the linking URL. Its own file
// (its own page and tab history): the history tests next door count entries.
import { expect } from '@open-wc/testing';
import { cleanUp } from './helpers.js';
import { MARK, redirectFlow } from './redirect-frame.js';

describe('mode="redirect" opening', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    sessionStorage.removeItem(MARK);
    await cleanUp();
  });

  it('emits social-link-open, then navigates the page itself to the linking URL', async () => {
    const opened: unknown[] = [];
    ({ frame } = await redirectFlow([], (el) => el.addEventListener('social-link-open', (e) => opened.push((e as CustomEvent).detail))));
    expect(opened).to.deep.equal([{ mode: 'redirect' }]);
  });
});
