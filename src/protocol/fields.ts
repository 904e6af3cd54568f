// Fields of an answer or message that are typed after parsing (./schemas.ts leaves them
// `z.unknown()`): a wrong type drops only that field.

/** A field that is used only when it is a string. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A code that is used only when it is a number or a string. */
export const numberOrText = (value: unknown): number | string | undefined =>
  typeof value === 'number' || typeof value === 'string' ? value : undefined;
