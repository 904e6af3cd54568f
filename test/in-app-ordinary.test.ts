// Issue 22: ordinary phone browsers are not in-app browsers — no notice, every Link, no event.
// (Its own file: Firefox's runner gives up on a page whose file runs this long with the other.)
import { expect } from '@open-wc/testing';
import '../src/entries/index.js';
import { quietFor } from './helpers.js';
import { beSelf, inApp, notice, ORDINARY, rowAction } from './in-app-helpers.js';

describe('in ordinary phone browsers', () => {
  afterEach(() => beSelf());

  for (const [label, ua] of Object.entries(ORDINARY)) {
    it(`${label}: no notice, every Link, no event, inAppBrowser null`, async () => {
      const setup = await inApp(ua);
      setup.stop();
      const { el, events } = setup;
      await quietFor(20);
      expect(el.inAppBrowser).to.equal(null);
      expect(notice(el)).to.equal(null);
      expect(['youtube', 'gmb', 'facebook'].map((id) => rowAction(el, id))).to.deep.equal(['link', 'link', 'link']);
      expect(events).to.have.length(0);
    });
  }
});
