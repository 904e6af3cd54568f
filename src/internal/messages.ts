import * as z from 'zod/mini';

/** Ayrshare's link completion events (AYRSHARE.md): `{ source, version, event, network? }`. */
export const providerMessage = z.object({
  source: z.literal('ayrshare'),
  version: z.literal(1),
  event: z.enum(['connect:ready', 'connect:success', 'connect:error', 'connect:cancelled', 'connect:closed']),
  network: z.catch(z.optional(z.string()), undefined),
  code: z.catch(z.optional(z.union([z.string(), z.number()])), undefined),
  message: z.catch(z.optional(z.string()), undefined),
});

export type ProviderMessage = z.infer<typeof providerMessage>;

import { CALLBACK_MESSAGE_TYPE } from './callback-protocol.js';

export { CALLBACK_CHANNEL, CALLBACK_MESSAGE_TYPE } from './callback-protocol.js';

export const callbackMessage = z.object({ type: z.literal(CALLBACK_MESSAGE_TYPE) });
