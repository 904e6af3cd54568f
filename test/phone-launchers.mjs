// The "phone" group's browsers (web-test-runner.config.mjs): Chromium as an Android phone and
// WebKit as an iPhone, each with a phone's user agent and viewport and the popup blocker on.
// Their launchers are the desktop ones (passed in), set up as phones.
import { miniBrowserLauncher } from './webkit-driver.mjs';

// Real user agents of the two phones emulated (Chrome 138 on a Pixel 8, Safari on iOS 17.5).
export const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36';
export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export const ANDROID_VIEWPORT = { width: 360, height: 800, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const IPHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * Chromium with DevTools emulation: the Android user agent and client hints
 * (Emulation.setUserAgentOverride), a 360×800 mobile viewport (setDeviceMetricsOverride) and
 * touch (setTouchEmulationEnabled, which also makes `pointer: coarse` and `hover: none` match).
 */
export function androidChromium(chromeLauncher, launchOptions) {
  const launcher = chromeLauncher({
    launchOptions,
    createPage: async ({ context }) => {
      const page = await context.newPage();
      await page.setUserAgent({
        userAgent: ANDROID_UA,
        userAgentMetadata: {
          brands: [{ brand: 'Chromium', version: '138' }],
          platform: 'Android',
          platformVersion: '14',
          architecture: '',
          model: 'Pixel 8',
          mobile: true,
        },
      });
      // The runner sets an 800×600 viewport before each file: a phone keeps its own size.
      const setViewport = page.setViewport.bind(page);
      page.setViewport = (viewport) =>
        setViewport(viewport.width === 800 && viewport.height === 600 ? ANDROID_VIEWPORT : { ...ANDROID_VIEWPORT, ...viewport });
      await page.setViewport(ANDROID_VIEWPORT);
      return page;
    },
  });
  launcher.phone = 'android';
  return named(launcher, 'Chromium (Android phone)');
}

/**
 * WebKitGTK's MiniBrowser with Safari's iPhone user agent (its `--user-agent` setting) and a
 * window sized toward a 390×844 viewport (set through WebDriver, then corrected by what the page
 * measures, since the window's frame takes some); MiniBrowser's toolbar keeps it at least 447 px
 * wide. WebKitGTK has no touch emulation: the phone tests in WebKit measure layout and use the
 * mouse, and say so.
 */
export async function iphoneWebKit(webdriverLauncher, binary) {
  const launcher = await miniBrowserLauncher(webdriverLauncher, binary, [`--user-agent=${IPHONE_UA}`]);
  const createDriverManager = launcher.createDriverManager.bind(launcher);
  launcher.createDriverManager = async () => {
    const manager = await createDriverManager();
    await sizeViewport(launcher.driver, IPHONE_VIEWPORT);
    return manager;
  };
  launcher.phone = 'iphone';
  return named(launcher, 'WebKit (iPhone)');
}

/** Resizes the window until the page's viewport is `want` (the frame's size is not known ahead). */
async function sizeViewport(driver, want) {
  let { width, height } = want;
  for (let i = 0; i < 3; i++) {
    await driver.setWindowRect(0, 0, width, height);
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth === want.width && innerHeight === want.height) return;
    width += want.width - innerWidth;
    height += want.height - innerHeight;
  }
}

// The name the reporter counts it under: the launchers set theirs in initialize().
function named(launcher, name) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = name;
  };
  launcher.name = name;
  return launcher;
}
