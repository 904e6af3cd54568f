// Server commands that let a browser test see the windows its page opened, as a user would:
// `popups` lists them (URL, title, text, size, position), `close-popups` closes them and any
// window left on the test's provider or callback pages.
async function related(session, { strays = false } = {}) {
  const page = session.browser.getPage(session.id);
  const self = page.target();
  const found = [];
  for (const target of page.browser().targets()) {
    if (target === self || target.type() !== 'page') continue;
    const opened = target.opener() === self;
    const stray = strays && /\/fake-provider\/|\/test\/fixtures\//.test(target.url());
    if (opened || stray) found.push(target);
  }
  return found;
}

async function describe(target) {
  const info = { url: target.url() };
  try {
    const popup = await target.page();
    if (!popup) return info;
    Object.assign(
      info,
      await popup.evaluate(() => ({
        title: document.title,
        text: document.body ? document.body.innerText : '',
        outerWidth: window.outerWidth,
        outerHeight: window.outerHeight,
        screenX: window.screenX,
        screenY: window.screenY,
        focused: document.hasFocus(),
        background: document.body ? getComputedStyle(document.body).backgroundColor : '',
      })),
    );
  } catch {
    // a window mid-navigation or just created: its URL is still worth reporting
  }
  return info;
}

export function popupPlugin() {
  return {
    name: 'popups',
    async executeCommand({ command, session }) {
      if (command === 'popups') {
        return Promise.all((await related(session)).map(describe));
      }
      if (command === 'close-popups') {
        for (const target of await related(session, { strays: true })) {
          try {
            const popup = await target.page();
            await popup?.close();
          } catch {
            // already closed
          }
        }
        return true;
      }
      return undefined;
    },
  };
}
