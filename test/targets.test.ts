// Issue 22, point 2: at desktop sizes every control is at least 24×24 CSS px (WCAG 2.5.8) and
// none overlaps another, in every state a user can act in. (Phones: test/phone-targets.test.ts.)
import { expect } from '@open-wc/testing';
import '../src/entries/index.js';
import { emulateMediaFeatures } from './helpers.js';
import { expectNoOverflow, expectTargets, scene, SCENES } from './target-scenes.js';

describe('touch targets at desktop sizes', () => {
  for (const name of SCENES) {
    it(`${name}: every control at least 24×24 px, none overlapping`, async () => {
      // A desktop: no coarse pointer, wider than a phone (the 44 px rule is for those).
      expect(matchMedia('(pointer: coarse)').matches || innerWidth <= 480).to.be.false;
      const { el } = await scene(name);
      expectTargets(el, 24, name);
      expectNoOverflow(el, name);
    });
  }
});

after(() => emulateMediaFeatures());
