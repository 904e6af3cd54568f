// Finding the element's own controls.

/** A network's row, found by comparing data (ids come from outside: never built into a selector). */
export function rowOf(root: ParentNode, id: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('li[data-network]')].find((row) => row.dataset.network === id);
}

/** The first element with part `name` (a fixed name of ours) within `root`. */
export function partOf(root: ParentNode | undefined, name: string): HTMLElement | undefined {
  return root?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? undefined;
}
