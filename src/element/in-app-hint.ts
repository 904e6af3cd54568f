// Whether this page may be in a social app's own browser: the words that every marker of the
// in-app table (parts/in-app-browser.ts) contains, and Telegram's globals. Only a page where this
// holds loads that table (the `in-app` part); detection itself requires it, so nothing the table
// would find is ever missed here. Ordinary browsers on desktops and phones carry none of these.
const HINT = /Barcelona|FB(AN|_IAB)\/|MetaIAB|Instagram|musical_ly|trill_|Bytedance|LinkedInApp|Twitter|Snapchat|Pinterest|Line\/|MicroMessenger|Reddit|Telegram/;

// The globals Telegram's browser injects. Own properties only: `<div id="TelegramWebview">` is
// reachable as window.TelegramWebview too (named access), and must not make a page "in-app".
export const hasTelegramGlobals = (globals: object): boolean =>
  ['TelegramWebviewProxy', 'TelegramWebview'].some((name) => Object.prototype.hasOwnProperty.call(globals, name));

/** True when `userAgent` (or the window's own `globals`) may be an in-app browser's. */
export const mayBeInApp = (userAgent: string, globals: object = {}): boolean => HINT.test(userAgent) || hasTelegramGlobals(globals);
