/**
 * A list setting as given: an array, or — when a framework such as Vue or React 19 sets the
 * property from an attribute-style string — space- or comma-separated text.
 */
export function toList(value: readonly string[] | string | undefined | null): string[] {
  if (!value) return [];
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [...value];
}

/** Lit's converter for list attributes: space- or comma-separated (SPEC section 2). */
export const listConverter = {
  fromAttribute: (value: string | null): string[] | undefined => (value === null ? undefined : toList(value)),
  toAttribute: (value: string[] | string | undefined): string | null => (value === undefined ? null : toList(value).join(' ')),
};
