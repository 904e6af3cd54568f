// Server commands for the phone tests: `tap` (touch input: a touch in Chromium through the
// DevTools protocol; in WebKitGTK a WebDriver pointer of type "touch", which WebKitGTK delivers
// as a mouse) and `show-opener` (brings the test page's tab back to the front, as the user does
// when leaving the linking page's tab on a phone).
export function phonePlugin() {
  return {
    name: 'phone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tap' && command !== 'show-opener') return undefined;
      if (session.browser.type === 'webdriver') {
        const driver = session.browser.driver;
        if (command === 'show-opener') return false;
        const { x, y, phase = 'tap' } = payload;
        const press = phase === 'up' ? [] : [{ type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y) }, { type: 'pointerDown', button: 0 }];
        const release = phase === 'down' ? [] : [{ type: 'pointerUp', button: 0 }];
        await driver.performActions([{ type: 'pointer', id: 'touch1', parameters: { pointerType: 'touch' }, actions: [...press, ...release] }]);
        if (phase !== 'down') await driver.releaseActions();
        return true;
      }
      const page = session.browser.getPage(session.id);
      if (command === 'show-opener') {
        await page.bringToFront();
        return true;
      }
      const { x, y, phase = 'tap' } = payload;
      if (phase !== 'up') await page.touchscreen.touchStart(x, y);
      if (phase !== 'down') await page.touchscreen.touchEnd();
      return true;
    },
  };
}
