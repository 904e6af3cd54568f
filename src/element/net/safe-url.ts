const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseAbsolute(value: string | undefined, base?: string): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** An avatar is shown only over https (or http on this machine), never from other schemes. */
export function safeImageUrl(value: string | undefined): string | undefined {
  const url = parseAbsolute(value);
  if (!url) return undefined;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url.href;
  return undefined;
}

/**
 * A profile link is rendered (and an events stream opened) only for http(s) URLs: never
 * javascript:, data: or the like. `base` resolves a relative one.
 */
export function safeLinkUrl(value: string | undefined, base?: string): string | undefined {
  const url = parseAbsolute(value, base);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
}
