// Every body the server half reads goes through here, with a cap: the browser's request to a
// handler, Ayrshare's answer, the simulator's requests. Bytes past the cap are never taken.

/** The largest request body the handlers read unless `maxBodyBytes` says otherwise. */
export const HANDLER_BODY_BYTES = 16 * 1024;
/**
 * The largest request body the Node adapter passes on unless its `maxBodyBytes` says otherwise:
 * above the handlers' cap, so that a handler given a larger one still gets its body.
 */
export const ADAPTER_BODY_BYTES = 64 * 1024;

/** The body's bytes, or undefined once they pass `max` (the rest is not read). */
export async function readCappedBytes(message: Request | Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(message.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await message.body?.cancel();
    return undefined;
  }
  if (!message.body) return new Uint8Array(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text, or undefined once it passes `max` bytes (the rest is not read). */
export async function readCapped(message: Request | Response, max: number): Promise<string | undefined> {
  const bytes = await readCappedBytes(message, max);
  return bytes && new TextDecoder().decode(bytes);
}

/** The text as JSON (blank text is `{}`), or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return text.trim() ? (JSON.parse(text) as unknown) : {};
  } catch {
    return undefined;
  }
}

/** A request's JSON object body of at most `max` bytes, or undefined. */
export async function readJsonObject(request: Request, max = HANDLER_BODY_BYTES): Promise<Record<string, unknown> | undefined> {
  const text = await readCapped(request, max);
  const body = text === undefined ? undefined : parseJson(text);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
