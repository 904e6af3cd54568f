// Profile Keys at rest: AES-256-GCM under a secret the host provides, the user id bound as
// associated data (a row copied onto another user does not decrypt), and a key id per row so a
// new secret can be introduced while rows under older ones still decrypt. Web Crypto, not
// node:crypto, so `social-link-button/server` keeps running where only Web APIs exist.

import { ProfileError } from './errors.js';

/** The environment variable the docs tell hosts to keep the secret in. */
export const PROFILE_SECRET_ENV = 'SOCIAL_LINK_PROFILE_SECRET';
const HOW_TO_MAKE = `Make one with: node -e "console.log(crypto.randomBytes(32).toString('base64'))" and keep it in ${PROFILE_SECRET_ENV}.`;
const ENCRYPTION_INFO = 'social-link-button profile key v1';
const TITLE_INFO = 'social-link-button profile title v1';
const KEY_ID_INFO = 'social-link-button key id v1';
const AAD_PREFIX = 'social-link-button/profile-key/v1\0';

const text = new TextEncoder();

export interface EncryptedKey {
  /** base64url(iv) "." base64url(ciphertext + tag) */
  cipher: string;
  /** Which secret encrypted it: 12 hex characters derived from the secret, not the secret. */
  keyId: string;
}

export interface Keyring {
  /** The key id new rows are encrypted under: the first secret's. */
  currentKeyId(): Promise<string>;
  encrypt(userId: string, profileKey: string): Promise<EncryptedKey>;
  /** Throws `profile-key-undecryptable` when no secret opens it for this user. */
  decrypt(userId: string, stored: EncryptedKey): Promise<string>;
  /** A deterministic, opaque title for a user, unique per user under the first secret. */
  title(prefix: string, userId: string): Promise<string>;
}

/** Decodes a 32-byte secret given as hex or base64 (standard or URL-safe); throws ProfileErrors. */
export function parseSecret(value: unknown, position = 0): Uint8Array<ArrayBuffer> {
  const which = position === 0 ? 'The profile secret' : `Profile secret #${position + 1}`;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ProfileError('profile-secret-missing', `${which} is missing. ${HOW_TO_MAKE}`);
  }
  const trimmed = value.trim();
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i++) bytes[i] = parseInt(trimmed.slice(i * 2, i * 2 + 2), 16);
  } else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    bytes = fromBase64(trimmed);
  }
  if (bytes?.length !== 32) {
    throw new ProfileError('profile-secret-invalid', `${which} is not 32 bytes written as base64 or hex. ${HOW_TO_MAKE}`);
  }
  // 32 random bytes have about 30 distinct values; fewer than 12 means a pattern, not randomness.
  if (new Set(bytes).size < 12) {
    throw new ProfileError('profile-secret-weak', `${which} is not random (it repeats a few bytes). ${HOW_TO_MAKE}`);
  }
  return bytes;
}

interface Slot {
  keyId: string;
  aes: CryptoKey;
  titleKey: CryptoKey;
}

/** Checks every secret now (so a bad one stops the server at start) and derives keys lazily. */
export function createKeyring(secrets: readonly unknown[]): Keyring {
  if (secrets.length === 0) throw new ProfileError('profile-secret-missing', `The profile secret is missing. ${HOW_TO_MAKE}`);
  const raw = secrets.map((secret, index) => parseSecret(secret, index));
  let slots: Promise<Slot[]> | undefined;
  const ready = () => (slots ??= Promise.all(raw.map(deriveSlot)));

  return {
    currentKeyId: async () => (await ready())[0]?.keyId ?? '',
    async encrypt(userId, profileKey) {
      const [slot] = await ready();
      if (!slot) throw new Error('unreachable');
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: text.encode(AAD_PREFIX + userId) },
        slot.aes,
        text.encode(profileKey),
      );
      return { cipher: `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`, keyId: slot.keyId };
    },
    async decrypt(userId, stored) {
      const slot = (await ready()).find((s) => s.keyId === stored.keyId);
      const [iv, sealed] = stored.cipher.split('.').map((part) => fromBase64(part));
      if (slot && iv?.length === 12 && sealed) {
        try {
          const plain = await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv, additionalData: text.encode(AAD_PREFIX + userId) },
            slot.aes,
            sealed,
          );
          return new TextDecoder().decode(plain);
        } catch {
          // Falls through to the error below: tampered, or another user's row.
        }
      }
      throw new ProfileError(
        'profile-key-undecryptable',
        slot
          ? 'A stored Profile Key does not decrypt for its user: the row was altered or copied from another user.'
          : `A stored Profile Key was encrypted under key id ${stored.keyId}, whose secret is not among the directory's secrets: add that secret back (after the new one) and run reencrypt().`,
      );
    },
    async title(prefix, userId) {
      const [slot] = await ready();
      if (!slot) throw new Error('unreachable');
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', slot.titleKey, text.encode(userId)));
      // Lowercase hex: Ayrshare's case rules for titles are unknown, so nothing relies on case.
      return `${prefix}-${[...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    },
  };
}

async function deriveSlot(secret: Uint8Array<ArrayBuffer>): Promise<Slot> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: text.encode(info) });
  const aes = await crypto.subtle.deriveKey(hkdf(ENCRYPTION_INFO), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const titleKey = await crypto.subtle.deriveKey(hkdf(TITLE_INFO), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const idBits = new Uint8Array(await crypto.subtle.deriveBits(hkdf(KEY_ID_INFO), base, 48));
  return { keyId: [...idBits].map((b) => b.toString(16).padStart(2, '0')).join(''), aes, titleKey };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(value: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
