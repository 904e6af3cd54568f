// Issue 22: which in-app browser a user agent (and the window's own globals) says this is. A
// pure function, fed the real user agents of each app and of ordinary phone browsers.
import { expect } from '@open-wc/testing';
import { browserIntent, detectInAppBrowser, refusesInApp } from '../src/element/parts/in-app-browser.js';
import { IN_APP, ORDINARY } from './in-app-helpers.js';

describe('in-app browser detection', () => {
  for (const [label, ua] of Object.entries(IN_APP)) {
    const [app, platform] = label.split(' ') as [string, string];
    it(`${label}: ${app} on ${platform}`, () => {
      expect(detectInAppBrowser(ua)).to.deep.equal({ app, platform });
    });
  }

  for (const [label, ua] of Object.entries(ORDINARY)) {
    it(`${label}: not an in-app browser`, () => {
      expect(detectInAppBrowser(ua)).to.equal(null);
    });
  }

  it('Telegram, whose iOS browser sends a stock Safari user agent, by the global it injects', () => {
    const safari = ORDINARY['Safari iOS'];
    expect(detectInAppBrowser(safari, { TelegramWebviewProxy: {} })).to.deep.equal({ app: 'Telegram', platform: 'ios' });
    expect(detectInAppBrowser(ORDINARY['Chrome Android'], { TelegramWebview: {} })).to.deep.equal({ app: 'Telegram', platform: 'android' });
  });

  it('markup named like Telegram\'s global (named access on window) does not make a page in-app', () => {
    const div = document.createElement('div');
    div.id = 'TelegramWebviewProxy';
    const form = document.createElement('form');
    form.name = 'TelegramWebview';
    document.body.append(div, form);
    try {
      expect((window as unknown as Record<string, unknown>).TelegramWebviewProxy).to.equal(div);
      expect(detectInAppBrowser(ORDINARY['Safari iOS'], window)).to.equal(null);
    } finally {
      div.remove();
      form.remove();
    }
  });

  it('an Android WebView naming no app, and a bare app name in a URL or a word, are not enough', () => {
    const webview = 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.58 Mobile Safari/537.36';
    expect(detectInAppBrowser(webview)).to.equal(null);
    for (const ua of [`${ORDINARY['Chrome Android']} (+https://instagram.com/bot)`, `${ORDINARY['Safari iOS']} Timeline/2`, `${ORDINARY['Chrome desktop']} Snapchatter`]) {
      expect(detectInAppBrowser(ua), ua).to.equal(null);
    }
  });

  it('hostile user agents: empty, huge, control characters, every marker at once', () => {
    expect(detectInAppBrowser('')).to.equal(null);
    expect(detectInAppBrowser('\u0000\n\u202e')).to.equal(null);
    // Linear regular expressions: a megabyte of near-misses is read at once.
    expect(detectInAppBrowser(`${'Instagram '.repeat(50_000)}x`)).to.equal(null);
    expect(detectInAppBrowser(`${'a'.repeat(1_000_000)} Line/1`)).to.deep.equal({ app: 'LINE', platform: 'other' });
    // First row wins: Threads' and Messenger's markers before Instagram's and Facebook's.
    expect(detectInAppBrowser(Object.values(IN_APP).join(' '))?.app).to.equal('Threads');
  });

  it('refuses: Google\'s networks everywhere, Facebook on Android only, the others nowhere', () => {
    for (const platform of ['ios', 'android', 'other'] as const) {
      expect(refusesInApp('youtube', platform)).to.equal(true);
      expect(refusesInApp('gmb', platform)).to.equal(true);
      expect(refusesInApp('facebook', platform)).to.equal(platform === 'android');
      for (const id of ['instagram', 'linkedin', 'twitter', 'tiktok', 'pinterest', 'threads', '', 'YouTube', 'constructor']) {
        expect(refusesInApp(id, platform), id).to.equal(false);
      }
    }
  });

  it('the Android escape is an intent to the page itself, its address whole as the fallback', () => {
    expect(browserIntent('https://shop.example/account/social?tab=2#links')).to.equal(
      'intent://shop.example/account/social?tab=2#Intent;scheme=https;S.browser_fallback_url=https%3A%2F%2Fshop.example%2Faccount%2Fsocial%3Ftab%3D2%23links;end',
    );
    expect(browserIntent('http://127.0.0.1:8000/')).to.equal(
      'intent://127.0.0.1:8000/#Intent;scheme=http;S.browser_fallback_url=http%3A%2F%2F127.0.0.1%3A8000%2F;end',
    );
    // A query cannot end the intent early: ';' and '#' in it stay inside the address.
    const tricky = browserIntent('https://a.example/p?x=%23Intent;package=evil;end&y="<>"')!;
    expect(tricky.match(/#Intent;/g)).to.have.length(1);
    expect(tricky).to.match(/^intent:\/\/a\.example\/p\?x=%23Intent;package=evil;end&y=%22%3C%3E%22#Intent;scheme=https;S\.browser_fallback_url=[^;]+;end$/);
    for (const page of ['file:///tmp/a.html', 'about:blank', 'data:text/html,x', 'blob:https://a.example/1']) {
      expect(browserIntent(page), page).to.equal(undefined);
    }
  });
});
