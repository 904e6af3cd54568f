/**
 * A list setting as given: an array, or — when a framework such as Vue or React 19 sets the
 * property from an attribute-style string — space- or comma-separated text.
 */
export function toList(value: readonly string[] | string | undefined | null): string[] {
  if (!value) return [];
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [...value];
}
