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
    `<social-link-button>: allowed-hosts entry "${entry}" matches nothing (a public suffix: everyone's sites); list hosts, or *.example.com.`,
  unknownNetwork: (value: unknown) =>
    `<social-link-button>: open(${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value}) names no network; nothing was opened. Pass an id or name ("linkedin", "x"), an id listed in networks, or nothing.`,
  eventsUrl: (value: string) =>
    `<social-link-button>: events-endpoint "${value.slice(0, 80)}" is not an http(s) URL; no stream was opened.`,
} as const;
