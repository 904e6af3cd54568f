// Ayrshare's webhook signature (../shared/AYRSHARE.md, "Webhooks"): X-Authorization-Content-SHA256
// is an HMAC-SHA256 of the raw body keyed by the signing secret, and during a rotation a second
// one, X-Authorization-Content-SHA256-V2, signs with the other secret. Ayrshare does not say
// whether it is hex or base64, so both are read. Web Crypto, so this runs where only Web APIs
// exist; the comparison is constant-time over equal-length digests, as timingSafeEqual's.

const SIGNATURE_HEADERS = ['x-authorization-content-sha256', 'x-authorization-content-sha256-v2'] as const;
export const TIMESTAMP_HEADER = 'x-authorization-timestamp';
const DIGEST_BYTES = 32;

const text = new TextEncoder();

/** The HMAC keys for the secrets, imported once. */
export function signingKeys(secrets: readonly string[]): Promise<CryptoKey[]> {
  return Promise.all(
    secrets.map((secret) => crypto.subtle.importKey('raw', text.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])),
  );
}

/** A signature header as its 32 bytes: hex, or base64 (standard or URL-safe, padded or not). */
function decodeSignature(value: string | null): Uint8Array | undefined {
  if (!value) return undefined;
  const given = value.trim().replace(/^sha256=/i, '');
  if (/^[0-9a-f]{64}$/i.test(given)) {
    return Uint8Array.from(given.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(given)) return undefined;
  const standard = given.replace(/-/g, '+').replace(/_/g, '/').replace(/=$/, '');
  try {
    const bytes = Uint8Array.from(atob(`${standard}=`), (c) => c.charCodeAt(0));
    return bytes.length === DIGEST_BYTES ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Equal-length byte arrays compared without an early exit. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** Whether any signature header matches the body under any of the keys. */
export async function signedByAny(body: Uint8Array, headers: Headers, keys: readonly CryptoKey[]): Promise<boolean> {
  const given = SIGNATURE_HEADERS.flatMap((name) => decodeSignature(headers.get(name)) ?? []);
  if (!given.length) return false;
  let matched = false;
  for (const key of keys) {
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, body as BufferSource));
    // Every pair is compared, so the time taken does not tell which matched.
    for (const signature of given) matched = sameBytes(expected, signature) || matched;
  }
  return matched;
}

/**
 * `X-Authorization-Timestamp` against the clock: Unix seconds (milliseconds are read as such when
 * the number is too large to be seconds). Absent is its own answer: the caller decides.
 */
export function timestampState(value: string | null, toleranceSeconds: number, nowMs = Date.now()): 'fresh' | 'stale' | 'absent' | 'malformed' {
  if (value === null || value.trim() === '') return 'absent';
  const trimmed = value.trim();
  if (!/^\d{1,16}$/.test(trimmed)) return 'malformed';
  const number = Number(trimmed);
  // 10^11 seconds is the year 5138; 10^11 milliseconds is 1973.
  const ms = number >= 1e11 ? number : number * 1000;
  return Math.abs(nowMs - ms) <= toleranceSeconds * 1000 ? 'fresh' : 'stale';
}

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** HMAC-SHA256 of `body` under `secret`, as hex or base64: how the simulator signs. */
export async function sign(body: string, secret: string, encoding: 'hex' | 'base64' = 'hex'): Promise<string> {
  const [key] = await signingKeys([secret]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key as CryptoKey, text.encode(body)));
  return encoding === 'base64' ? btoa(String.fromCharCode(...mac)) : hex(mac);
}

/** SHA-256 of a text as hex: the subject of a host-given Profile Key, a body without a hookId. */
export async function sha256Hex(value: string | Uint8Array): Promise<string> {
  const bytes = typeof value === 'string' ? text.encode(value) : value;
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}
