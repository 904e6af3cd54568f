// Every sentence the element shows or announces, in one place: written for the people who use
// the host's product (no "endpoint", no "URL", no HTTP numbers), and never ending in "Try
// again" — the error box's button already says that.

/** What a request was for: picks the sentences its failures are reported with. */
export type Task = 'status' | 'link' | 'unlink';

export const strings = {
  label: 'Link social accounts',
  opensWindow: '(opens in a new window)',
  opensTab: '(opens in a new tab)',
  listLabel: 'Social accounts',
  checking: 'Checking…',
  linked: 'Linked',
  notLinked: 'Not linked',
  unavailable: 'Status unavailable',
  unlink: 'Unlink',
  unlinkNamed: (name: string) => `Unlink ${name}`,
  confirmUnlink: (name: string) => `Unlink ${name}?`,
  cancel: 'Cancel',
  unlinking: 'Unlinking…',
  link: 'Link',
  linkNamed: (name: string) => `Link ${name}`,
  reconnect: 'Reconnect',
  reconnectNamed: (name: string) => `Reconnect ${name}`,
  reconnectBy: (date: string) => `Reconnect by ${date}`,
  needsReconnect: 'Needs reconnecting',
  nowExpiring: (name: string, date: string) => `${name} needs reconnecting by ${date}.`,
  nowBroken: (name: string) => `${name} needs reconnecting.`,
  nowHealthy: (name: string) => `${name} is connected again.`,
  tryAgain: 'Try again',
  continue: 'Continue',
  newLink: 'Open a new link',
  popupHint: 'Finish in the popup window.',
  tabHint: 'Finish in the new tab.',
  bringBack: 'Bring it back',
  nowLinked: (name: string) => `${name} linked.`,
  nowUnlinked: (name: string) => `${name} unlinked.`,
  connecting: 'Connecting…',
  connectingText: 'Opening the page for linking your accounts…',

  failed: {
    status: 'We couldn’t check which accounts are linked.',
    link: 'We couldn’t open the page for linking your accounts.',
    unlink: (name: string) => `We couldn’t unlink ${name}.`,
  },
  slow: {
    status: 'Checking your linked accounts took too long.',
    link: 'The page for linking your accounts took too long to open.',
    unlink: (name: string) => `Unlinking ${name} took too long.`,
  },
  tooMany: (seconds: number | undefined) =>
    seconds === undefined
      ? 'Too many attempts right now. Please wait a moment.'
      : seconds <= 90
        ? `Too many attempts right now. Please wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`
        : `Too many attempts right now. Please wait ${Math.ceil(seconds / 60)} minutes.`,
  notAllowed: 'This page isn’t allowed to link accounts. Reload it, or contact support if this keeps happening.',
  notSetUp: 'Linking accounts isn’t set up on this page yet.',
  untrusted: 'The page for linking your accounts is on an address this site doesn’t trust, so it wasn’t opened.',
  expired: 'The link for connecting your accounts expired.',
  blocked: 'Your browser blocked the window for linking your accounts.',
  lostWindow: 'The window for linking your accounts was closed or moved on.',
} as const;

/** The console's sentences are for the developer who set the element up. */
export const developerNotes = {
  noEndpoint: '<social-link-button> has no jwt-endpoint, so it has no linking page to open.',
  origin: (endpoint: string, origin: string) =>
    `<social-link-button>: ${endpoint} answered 403 origin-not-allowed for ${origin}. ` +
    `Add ${origin} to the server's allowedOrigins (localhost and 127.0.0.1 are different origins).`,
  untrusted: (host: string) =>
    `<social-link-button>: the linking URL is on ${host}, which is not in allowed-hosts; nothing was opened.`,
  invalid: (endpoint: string, what: string) =>
    `<social-link-button>: ${endpoint} answered, but not as expected: ${what}.`,
} as const;
