// `emulate-media-features` command: sets any CSS media feature through the DevTools protocol,
// including `forced-colors`, which the stock emulateMedia command cannot set under puppeteer.
export function mediaFeaturesPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: payload.features });
      return true;
    },
  };
}
