// `emulate-media-features` command: sets any CSS media feature through the DevTools protocol,
// including `forced-colors`, which the stock emulateMedia command cannot set under puppeteer.
const cdpSessions = new WeakMap();

export function mediaFeaturesPlugin() {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      // One DevTools session per page: emulation belongs to the session that set it, so a
      // reset from another session would leave it on.
      let cdp = cdpSessions.get(page);
      if (!cdp) cdpSessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: payload.features });
      return true;
    },
  };
}
