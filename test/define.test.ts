import { expect } from '@open-wc/testing';

// This page registers a stand-in of another version first, as a second copy of the component
// loaded by some other script would.
class OtherVersion extends HTMLElement {
  static version = '0.0.1-other';
}

describe('define', () => {
  it('does not throw, and warns, when another version is already defined', async () => {
    customElements.define('social-link-button', OtherVersion);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const module = await import('../src/entries/index.js');
      expect(customElements.get('social-link-button')).to.equal(OtherVersion);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('0.0.1-other');
      // Calling define again stays quiet about it and changes nothing.
      expect(module.define()).to.equal(OtherVersion);
      expect(module.SocialLinkButton.version).to.equal(module.VERSION);
    } finally {
      console.warn = warn;
    }
  });
});
