import { expect } from '@open-wc/testing';

// Its own file: a fresh page where nothing has defined the tag yet.
describe('social-link-button/element', () => {
  it('exports the class without registering the tag; its define() registers it', async () => {
    const module = await import('../src/entries/element.js');
    expect(customElements.get('social-link-button')).to.equal(undefined);
    expect(module.SocialLinkButton.version).to.equal(module.VERSION);
    // A host may register the class itself, under a tag of its own.
    customElements.define('my-link-button', class extends module.SocialLinkButton {});
    const el = document.createElement('my-link-button') as InstanceType<typeof module.SocialLinkButton>;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="button"]')).to.exist;
    el.remove();
    expect(module.define()).to.equal(module.SocialLinkButton);
    expect(customElements.get('social-link-button')).to.equal(module.SocialLinkButton);
  });
});
