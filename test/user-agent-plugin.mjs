// `emulate-user-agent` command (Chromium): the page and its frames report `userAgent` (in
// navigator.userAgent and the User-Agent header), through the DevTools protocol; '' restores the
// browser's own. Firefox and WebKit have no such command here: their tests override
// navigator.userAgent in the page instead (test/in-app-helpers.ts says how).
const original = new WeakMap();

export function userAgentPlugin() {
  return {
    name: 'emulate-user-agent',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-user-agent') return undefined;
      const page = session.browser.getPage(session.id);
      if (typeof page?.setUserAgent !== 'function' || typeof page.target !== 'function') return false;
      if (!original.has(page)) original.set(page, await page.browser().userAgent());
      await page.setUserAgent(payload.userAgent || original.get(page));
      return true;
    },
  };
}
