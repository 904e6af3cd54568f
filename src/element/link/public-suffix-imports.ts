// The npm entries' import() of the whole Public Suffix List, which a host's bundler follows (a
// chunk of its own, loaded only when an allowed-hosts wildcard needs it). The script-tag build
// does not import this: it loads public-suffix-list.js from beside its own script.
export const PUBLIC_SUFFIX_IMPORT = (): Promise<{ default: string }> => import('./public-suffix-list.js');
