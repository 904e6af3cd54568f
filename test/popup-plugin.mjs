// Server commands that let a browser test see the windows its page opened, as a user would:
// `popups` lists them (URL, title, text, size, position), `close-popups` closes them and any
// window left on the test's provider or callback pages.
async function related(session, { strays = false } = {}) {
  const page = session.browser.getPage(session.id);
  const self = page.target();
  const found = [];
  let pages;
  try {
    // CDP (Chromium) knows each window's opener.
    self.opener();
    for (const target of page.browser().targets()) {
      if (target === self || target.type() !== 'page') continue;
      const opened = target.opener() === self;
      const stray = strays && /\/fake-provider\/|\/test\/fixtures\//.test(target.url());
      // The target's URL is there at once; its page (for evaluate) only once the window has a
      // main frame.
      if (opened || stray) found.push({ url: () => target.url(), page: () => target.page() });
    }
    return found;
  } catch {
    // WebDriver BiDi (Firefox) does not say who opened a window: the pages created after the
    // test page are the ones it opened (the runner drives one test page at a time).
    pages = await page.browser().pages();
  }
  const index = pages.indexOf(page);
  for (const [i, other] of pages.entries()) {
    if (other === page) continue;
    const stray = strays && /\/fake-provider\/|\/test\/fixtures\//.test(other.url());
    if (i > index || stray) found.push({ url: () => other.url(), page: async () => other });
  }
  return found;
}

/** What a test may ask of a popup, read inside it (by CDP, BiDi or WebDriver alike). */
const windowFacts = () => ({
  title: document.title,
  text: document.body ? document.body.innerText : '',
  outerWidth: window.outerWidth,
  outerHeight: window.outerHeight,
  screenX: window.screenX,
  screenY: window.screenY,
  focused: document.hasFocus(),
  background: document.body ? getComputedStyle(document.body).backgroundColor : '',
});

async function describe(window) {
  const info = { url: window.url() };
  try {
    const popup = await window.page();
    if (!popup) return info;
    Object.assign(
      info,
      await popup.evaluate(windowFacts),
    );
  } catch {
    // a window mid-navigation or just created: its URL is still worth reporting
  }
  return info;
}

// WebDriver (WebKit): the windows other than the test page's, inspected by switching to each
// and back (the runner drives one test page at a time).
async function webdriverPopups(session, action) {
  const driver = session.browser.driver;
  const main = await driver.getWindowHandle();
  const results = [];
  try {
    for (const handle of await driver.getWindowHandles()) {
      if (handle === main) continue;
      try {
        await driver.switchToWindow(handle);
        results.push(await action(driver));
      } catch {
        // a window closing as we look
      }
    }
  } finally {
    await driver.switchToWindow(main);
  }
  return results;
}

export function popupPlugin() {
  return {
    name: 'popups',
    async executeCommand({ command, session }) {
      if (session.browser.type === 'webdriver' && (command === 'popups' || command === 'close-popups')) {
        if (command === 'close-popups') {
          await webdriverPopups(session, (driver) => driver.closeWindow());
          return true;
        }
        return webdriverPopups(session, async (driver) => ({
          url: await driver.getUrl(),
          ...(await driver.execute(windowFacts)),
        }));
      }
      if (command === 'popups') {
        return Promise.all((await related(session)).map(describe));
      }
      if (command === 'close-popups') {
        for (const window of await related(session, { strays: true })) {
          try {
            await (await window.page())?.close();
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
