/** The console's sentences are for the developer who set the element up (always English). */
export const developerNotes = {
  noEndpoint: '<social-link-button> has no jwt-endpoint, so it has no linking page to open.',
  origin: (endpoint: string, origin: string) =>
    `<social-link-button>: ${endpoint} answered 403 origin-not-allowed for ${origin}. ` +
    `Add ${origin} to the server's allowedOrigins (localhost and 127.0.0.1 are different origins).`,
  untrusted: (host: string) =>
    `<social-link-button>: the linking URL is on ${host}, which is not in allowed-hosts; nothing was opened.`,
  sandboxed:
    '<social-link-button> is in an iframe sandboxed without allow-popups, so it cannot open the linking page: add allow-popups (and allow-popups-to-escape-sandbox) to the iframe\'s sandbox.',
  invalid: (endpoint: string, what: string) =>
    `<social-link-button>: ${endpoint} answered, but not as expected: ${what}.`,
  publicWildcard: (entry: string) =>
    `<social-link-button>: allowed-hosts entry "${entry}" matches nothing: it would trust everyone's sites under a public suffix. List hosts, or *.example.com for your own subdomains.`,
  unknownNetwork: (value: unknown) =>
    `<social-link-button>: open() was given ${describe(value)}, which is no network this element knows, so nothing was opened. ` +
    'Pass an Ayrshare id such as "linkedin" (or a name such as "x" or "LinkedIn"), list other ids in networks, or pass nothing for every network.',
} as const;

/** A value from outside, short enough for one console line. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}
