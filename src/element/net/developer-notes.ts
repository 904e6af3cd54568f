// The console's notes are for the developer who set the element up (always English). From source
// (the tests, the demo) they are whole sentences. The package's built files (scripts/build.mjs
// defines SOCIAL_LINK_BUTTON_PRODUCTION as true for the ES modules and the script tag) carry a
// short form instead: the note's name, its values and a link to its sentence in
// docs/troubleshooting.md ("The console's notes"), 0.2 KB gzip less for every user.

declare const SOCIAL_LINK_BUTTON_PRODUCTION: boolean | undefined;
const PRODUCTION = typeof SOCIAL_LINK_BUTTON_PRODUCTION === 'boolean' && SOCIAL_LINK_BUTTON_PRODUCTION;

type Note = (...values: string[]) => string;

/** `<social-link-button> <what>: <values> <link to the sentence>` (docs/troubleshooting.md's heading `what`). */
const short =
  (what: string): Note =>
  (...values) =>
    `<social-link-button> ${what}: ${values.join(' ')} https://github.com/social-link-button/social-link-button/blob/main/docs/troubleshooting.md#${what.toLowerCase().replaceAll(' ', '-')}`;

const unexpected = (endpoint: string, what: string) => `<social-link-button>: ${endpoint} answered, but not as expected: ${what}.`;

/** Each note; its short form names it as docs/troubleshooting.md's headings do. */
export const developerNotes: Record<
  'otherVersion' | 'noEndpoint' | 'origin' | 'untrusted' | 'sandboxed' | 'notJson' | 'linkAnswer' | 'statusAnswer' | 'publicWildcard' | 'unknownNetwork' | 'eventsUrl',
  Note
> = PRODUCTION
  ? {
      otherVersion: short('other version'),
      noEndpoint: short('no jwt-endpoint'),
      origin: short('origin not allowed'),
      untrusted: short('not in allowed-hosts'),
      sandboxed: short('sandboxed'),
      notJson: short('not JSON'),
      linkAnswer: short('unexpected answer'),
      statusAnswer: short('unexpected answer'),
      publicWildcard: short('public suffix wildcard'),
      unknownNetwork: short('unknown network'),
      eventsUrl: short('bad events-endpoint'),
    }
  : {
      otherVersion: (theirs, ours) => `<social-link-button> ${theirs} is already defined; version ${ours} was not registered.`,
      noEndpoint: () => '<social-link-button> has no jwt-endpoint, so it has no linking page to open.',
      origin: (endpoint, origin) =>
        `<social-link-button>: ${endpoint} answered 403 origin not allowed for ${origin}. ` +
        `Add ${origin} to the server's allowedOrigins (localhost and 127.0.0.1 are different origins).`,
      untrusted: (host) => `<social-link-button>: the linking URL is on ${host}, which is not in allowed-hosts; nothing was opened.`,
      sandboxed: () =>
        "<social-link-button> is in an iframe sandboxed without allow-popups, so it cannot open the linking page: add allow-popups (and allow-popups-to-escape-sandbox) to the iframe's sandbox.",
      notJson: (endpoint) => unexpected(endpoint, 'the answer is not JSON'),
      linkAnswer: (endpoint) => unexpected(endpoint, 'expected { url, expiresAt? }'),
      statusAnswer: (endpoint) => unexpected(endpoint, 'expected { activeSocialAccounts, displayNames? }'),
      publicWildcard: (entry) =>
        `<social-link-button>: allowed-hosts entry "${entry}" matches nothing (a public suffix: everyone's sites); list hosts, or *.example.com.`,
      unknownNetwork: (value) =>
        `<social-link-button>: open(${value}) names no network; nothing was opened. Pass an id or name ("linkedin", "x"), an id listed in networks, or nothing.`,
      eventsUrl: (value) => `<social-link-button>: events-endpoint "${value.slice(0, 80)}" is not an http(s) URL; no stream was opened.`,
    };

/** How a note shows a value passed to open(): a string quoted and cut at 40 characters, or its type. */
export const shownValue = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value);
