// Issue 22, point 2, on phones (the "phone" group: Chromium as an Android phone with touch,
// WebKit with an iPhone's user agent): every control at least 44×44 CSS px in every state a
// user can act in, none overlapping, and the layout whole from 280 px in German (the longest
// shipped language) and right to left.
import { expect } from '@open-wc/testing';
import '../src/entries/index.js';
import { engine, part } from './helpers.js';
import { expectNoOverflow, expectTargets, scene, SCENES } from './target-scenes.js';

describe('a phone', () => {
  it('is one: a phone user agent and a phone-wide viewport (and touch in Chromium)', () => {
    expect(navigator.userAgent).to.match(engine === 'chromium' ? /Android .* Mobile/ : /iPhone/);
    // WebKitGTK's window cannot be narrower than 447 px (its toolbar): the narrowest it allows.
    expect(innerWidth).to.be.within(360, 447);
    if (engine === 'chromium') {
      expect(matchMedia('(pointer: coarse)').matches).to.be.true;
      expect(navigator.maxTouchPoints).to.be.greaterThan(0);
    }
  });
});

describe('touch targets on a phone', () => {
  for (const name of SCENES) {
    it(`${name}: every control at least 44×44 px, none overlapping, nothing sticking out`, async () => {
      const { el } = await scene(name);
      expectTargets(el, 44, name);
      expectNoOverflow(el, name);
    });
  }
});

describe('layout from 280 px', () => {
  for (const lang of ['de', 'ar', 'he']) {
    for (const name of SCENES) {
      it(`${lang}, ${name}, 280 px: no overflow, 44 px targets, none overlapping`, async () => {
        const { el, wrap } = await scene(name, { width: 280, lang });
        expect(getComputedStyle(part(el, 'base')!).direction).to.equal(lang === 'de' ? 'ltr' : 'rtl');
        expectTargets(el, 44, `${lang} ${name}`);
        expectNoOverflow(el, `${lang} ${name}`);
        expect(el.getBoundingClientRect().right).to.be.at.most(wrap.getBoundingClientRect().right + 0.5);
      });
    }
  }
});
