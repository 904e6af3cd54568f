// Every sentence the element, its "Connecting…" page and the callback page show, by message id.
// English is built in; other locales are small modules (src/locales/*.ts) that register
// themselves on a page-wide registry, so the npm build, the script-tag build and a locale file
// loaded by either all meet. Sentences are written for the people who use the host's product
// (no "endpoint", no "URL") and never end in "Try again": the error box's button says that.

/** A plural message: Intl.PluralRules categories; `other` is required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export const en = {
  label: 'Link social accounts',
  opensWindow: '(opens in a new window)',
  opensTab: '(opens in a new tab)',
  listLabel: 'Social accounts',
  checking: 'Checking…',
  linked: 'Linked',
  notLinked: 'Not linked',
  unavailable: 'Status unavailable',
  link: 'Link',
  linkNamed: 'Link {name}',
  reconnect: 'Reconnect',
  reconnectNamed: 'Reconnect {name}',
  reconnectBy: 'Reconnect by {date}',
  needsReconnect: 'Needs reconnecting',
  unlink: 'Unlink',
  unlinkNamed: 'Unlink {name}',
  confirmUnlink: 'Unlink {name}?',
  cancel: 'Cancel',
  unlinking: 'Unlinking…',
  tryAgain: 'Try again',
  continue: 'Continue',
  newLink: 'Open a new link',
  popupHint: 'Finish in the popup window.',
  tabHint: 'Finish in the new tab.',
  bringBack: 'Bring it back',
  nowLinked: '{names} linked.',
  nowUnlinked: '{names} unlinked.',
  nowBroken: '{name} needs reconnecting.',
  nowExpiring: '{name} needs reconnecting by {date}.',
  nowHealthy: '{name} is connected again.',
  connecting: 'Connecting…',
  connectingText: 'Opening the page for linking your accounts…',
  failedStatus: 'We couldn’t check which accounts are linked.',
  failedLink: 'We couldn’t open the page for linking your accounts.',
  failedUnlink: 'We couldn’t unlink {name}.',
  slowStatus: 'Checking your linked accounts took too long.',
  slowLink: 'The page for linking your accounts took too long to open.',
  slowUnlink: 'Unlinking {name} took too long.',
  tooMany: 'Too many attempts right now. Please wait a moment.',
  tooManySeconds: {
    one: 'Too many attempts right now. Please wait {count} second.',
    other: 'Too many attempts right now. Please wait {count} seconds.',
  },
  tooManyMinutes: {
    one: 'Too many attempts right now. Please wait {count} minute.',
    other: 'Too many attempts right now. Please wait {count} minutes.',
  },
  notAllowed: 'This page isn’t allowed to link accounts. Reload it, or contact support if this keeps happening.',
  notSetUp: 'Linking accounts isn’t set up on this page yet.',
  untrusted: 'The page for linking your accounts is on an address this site doesn’t trust, so it wasn’t opened.',
  expired: 'The link for connecting your accounts expired.',
  blocked: 'Your browser blocked the window for linking your accounts.',
  lostWindow: 'The window for linking your accounts was closed or moved on.',
  sandboxed: 'Linking accounts can’t open a window from inside this frame.',
  inApp: 'You’re in {app}’s browser. Some networks can’t be linked here.',
  inAppMenu: 'The app’s menu (⋯) can open this page in your browser.',
  openBrowser: 'Open in your browser',
  inAppBlocked: 'Open in your browser to link',
} satisfies Record<string, Message>;

/** The callback page's sentences (English in src/callback/complete-link.ts, which ships on its own). */
export interface CallbackMessages {
  doneTitle: string;
  closeWindow: string;
  returnToApp: string;
}

/** Every message id of the element; a locale must give them all (type-checked, and tested). */
export type MessageId = keyof typeof en;
export type Messages = { [K in MessageId]: (typeof en)[K] extends string ? string : PluralMessage } & CallbackMessages;

/** A sentence to show: a message and its parameters, or a host's own text as it came. */
export type Text = { id: MessageId; params?: Record<string, string | number> } | { raw: string };

type Registry = Record<string, Partial<Messages> | Message[] | undefined>;

/**
 * The order of messages in a built locale file (dist/locales/<tag>.js): an array without the
 * ids, a quarter smaller than the object its source is. The callback page's three come first.
 */
export const MESSAGE_ORDER = ['doneTitle', 'closeWindow', 'returnToApp', ...Object.keys(en)] as (keyof Messages)[];

/** The page-wide locale registry that locale modules write to. */
const registry = (): Registry => {
  // Our own property only: markup such as `<form id="SocialLinkButtonLocales">` is reachable as a
  // window property too (named access), and would pass for registered languages. An own
  // property shadows it, and the locale files' `??=` then finds ours.
  const global = globalThis as { SocialLinkButtonLocales?: Registry };
  if (!Object.getOwnPropertyDescriptor(globalThis, 'SocialLinkButtonLocales')) global.SocialLinkButtonLocales = {};
  return global.SocialLinkButtonLocales!;
};

/** Registers (or replaces) the messages of a locale, e.g. from your own translation. */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  registry()[lang.toLowerCase()] = messages;
}

/**
 * BCP 47 fallback, lower case, without English: `pt-BR` → `pt-br`, `pt`. Chinese has no zh
 * module: Traditional for zh-TW, -HK, -MO and -Hant; Simplified for the rest.
 */
export function localeChain(lang: string): string[] {
  const parts = lang.toLowerCase().split('-');
  return parts[0] === 'zh'
    ? [/^zh-(tw|hk|mo|hant)/i.test(lang) ? 'zh-tw' : 'zh-cn']
    : parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}

/** The locale modules that ship (besides the built-in English), by file name. */
export const SHIPPED = 'ar de es fr he hi it ja ko nl pl pt pt-BR sv tr zh-CN zh-TW'.split(' ');

/** The locale module to load for `lang` (its file name): the first of its chain that ships, unless registered. */
export function moduleFor(lang: string): string | undefined {
  for (const tag of localeChain(lang)) {
    if (registry()[tag]) return;
    const file = SHIPPED.find((name) => name.toLowerCase() === tag);
    if (file) return file;
  }
}

/** Formats `text` in `lang` (a well-formed tag), with `overrides` (the element's `strings`) first. */
export function format(text: Text, lang: string, overrides?: Partial<Record<MessageId, string>>): string {
  if ('raw' in text) return text.raw;
  const id = text.id;
  const params = text.params ?? {};
  // Message ids are our own (never `constructor` and the like), so a plain lookup is safe.
  const locales = registry();
  // A built locale file is an array in MESSAGE_ORDER; a registered or source one an object.
  const at = (table: Partial<Record<MessageId, Message>> | Message[] | undefined): Message | undefined =>
    Array.isArray(table) ? table[MESSAGE_ORDER.indexOf(id)] : table?.[id];
  let message = [overrides, ...localeChain(lang).map((tag) => locales[tag]), en].map(at).find((found) => found != null)!;
  if (typeof message !== 'string') message = message[new Intl.PluralRules(lang).select(Number(params.count))] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (whole: string, key: string) => String(params[key] ?? whole));
}

/** "X, Facebook and LinkedIn" in `lang` (a well-formed tag: see `canonical`). */
export const formatList = (items: string[], lang: string): string => new Intl.ListFormat(lang).format(items);

/** `lang` as a well-formed BCP 47 tag (`en_US` and other typos become `en`), safe for Intl. */
export function canonical(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0]!; // '' and malformed tags throw
  } catch {
    return 'en';
  }
}
