// In-app browsers: the browser a social app opens links in (Instagram, TikTok…), where popups
// open in place or not at all and Google refuses sign-in. A pure function of the user agent and
// the window's own globals, so tests can feed it each app's real strings. Facts and their
// sources: /work/shared/IN-APP-BROWSERS.md ([V] official documentation, [S] third-party code or
// articles); none of these markers is documented by the app itself.

import { hasTelegramGlobals, mayBeInApp } from '../in-app-hint.js';
import type { SocialLinkInAppBrowserDetail } from '../types.js';

/** The app whose browser this is (its name), and the phone's system. */
export type InAppBrowser = SocialLinkInAppBrowserDetail;

// One row per app: its name, then the UA marker(s), first match wins (Threads and Messenger
// before Instagram and Facebook, whose markers theirs may carry).
//   app         platform: iOS marker | Android marker                               source
const APPS: [string, RegExp][] = [
  // Threads     iOS `Barcelona <ver> (` | Android `Barcelona <ver> Android (`        [S] matomo-org/device-detector Tests/fixtures/phablet-1.yml
  ['Threads', /\bBarcelona \d/],
  // Messenger   iOS `FBAN/MessengerForiOS` | `FB_IAB/MESSENGER`, `FB_IAB/Orca-Android`  [S] device-detector regexes/client/mobile_apps.yml
  ['Messenger', /FBAN\/Messenger|FB_IAB\/(MESSENGER|Orca)/],
  // Instagram   iOS `Instagram <ver> (…IABMV/1` | Android `Instagram <ver> Android (`  [S] shalanah/inapp-spy src/tests/mobile.ts
  ['Instagram', /\bInstagram \d/],
  // Facebook    iOS `[FBAN/FBIOS;FBAV/…]`, newer `MetaIAB Facebook` | `[FB_IAB/FB4A;FBAV/…]`  [S] inapp-spy src/tests/mobile.ts
  ['Facebook', /\[FB(AN|_IAB)\/|MetaIAB Facebook/],
  // TikTok      iOS `musical_ly_<ver>`/`trill_<ver>` | `AppName/musical_ly`; both `BytedanceWebview/`  [S] inapp-spy tests; faisalman/ua-parser-js browser-all.json
  ['TikTok', /musical_ly|\btrill_\d|BytedanceWebview/],
  // LinkedIn    iOS `[LinkedInApp]` | Android `[LinkedInApp]/<ver>`                   [S] ua-parser-js browser-all.json
  ['LinkedIn', /\[LinkedInApp\]/],
  // X           iOS `Twitter for iPhone/<ver>` (iPad too) | Android `TwitterAndroid`   [S] foroco/php-browser-detection test; device-detector smartphone-41.yml
  ['X', /Twitter for iP|TwitterAndroid/],
  // Snapchat    iOS `Snapchat/<ver> (like Safari/…)` | Android `…537.36Snapchat<ver> (`  [S] inapp-spy; device-detector mobile_apps.yml
  ['Snapchat', /Snapchat\/?\d/],
  // Pinterest   iOS `[Pinterest/iOS]` | Android `[Pinterest/Android]`                  [S] ua-parser/uap-core tests/test_ua.yaml
  ['Pinterest', /\[Pinterest\//],
  // LINE        iOS `Safari Line/<ver>` | Android `Line/<ver>/IAB`                     [S] device-detector smartphone-41.yml
  ['LINE', /\bLine\/\d/],
  // WeChat      iOS and Android `MicroMessenger/`                                      [S] foroco/php-browser-detection test; device-detector tablet-11.yml
  ['WeChat', /MicroMessenger\//],
  // Reddit      Android `Reddit/Version <v>/Build <n>/Android <n>` (iOS unknown)       [S] device-detector clienthints-app.yml; inapp-spy tests
  ['Reddit', /\bReddit\/Version/],
  // Telegram    iOS: a stock Safari UA, `TelegramWebviewProxy` global | Android: `TelegramWebview`
  //             global, newer `Telegram-Android/<ver>`                                 [S] inapp-spy src/detectTelegram.ts; uap-core tests
  ['Telegram', /Telegram-Android\//],
];

/**
 * The in-app browser that `userAgent` (and the window's `globals`) say this is, or null. Ordinary
 * browsers (Safari, Chrome with CriOS, Firefox with FxiOS, Samsung Internet, Edge) carry none of
 * the markers above; an Android WebView's `; wv)` alone names no app and is not enough.
 */
export function detectInAppBrowser(userAgent: string, globals: object = {}): InAppBrowser | null {
  if (!mayBeInApp(userAgent, globals)) return null;
  const app =
    APPS.find(([, marker]) => marker.test(userAgent))?.[0] ??
    (hasTelegramGlobals(globals) ? 'Telegram' : undefined);
  if (!app) return null;
  return { app, platform: /iPhone|iPad|iPod/.test(userAgent) ? 'ios' : /Android/.test(userAgent) ? 'android' : 'other' };
}

/**
 * Networks whose sign-in refuses embedded browsers, on the platforms it does.
 * - youtube, gmb (Google accounts): "secure browser policy prohibiting Google OAuth requests in
 *   embedded … webviews", all blocked from 2021-09-30 [V] developers.googleblog.com/en/upcoming-
 *   security-changes-to-googles-oauth-20-authorization-endpoint-in-embedded-webviews; scope
 *   "WebView on Android and UIWebView/WKWebView on iOS" [V] developers-br.googleblog.com/2016/09;
 *   LINE: 403 disallowed_useragent [V] developers.line.biz/en/faq/tags/line-app.
 * - facebook on Android: "On October 5, 2021, Facebook Login will no longer support Android
 *   embedded browsers (WebViews)" [V] developers.facebook.com/docs/howtos/androidsdk/3.0/login-with-facebook.
 * No source says so for the others (instagram, linkedin, twitter, tiktok…): they keep Link.
 */
export function refusesInApp(network: string, platform: InAppBrowser['platform']): boolean {
  return network === 'youtube' || network === 'gmb' || (network === 'facebook' && platform === 'android');
}

/**
 * "Open in your browser" for this page on Android: an intent with no package, which opens the
 * default browser, and the page itself as the fallback — developer.chrome.com/docs/android/intents
 * [V]; it escaped Telegram, LINE, Threads, Facebook, Instagram and Messenger, not WeChat [S]
 * shalanah/inapp-debugger README. Undefined for a page that is not http(s). Never the linking URL:
 * built from `page`, the host page's own address.
 */
export function browserIntent(page: string): string | undefined {
  const url = new URL(page);
  if (!/^https?:$/.test(url.protocol)) return;
  const fallback = encodeURIComponent(url.href);
  return `intent://${url.host}${url.pathname}${url.search}#Intent;scheme=${url.protocol.slice(0, -1)};S.browser_fallback_url=${fallback};end`;
}
