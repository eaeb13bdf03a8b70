import type { ReactiveElement } from 'lit';

/**
 * Waits for the pending updates of every Lit element in a render root. A Lit element's `updateComplete`
 * covers its own render only, so a component whose children render what it passes them awaits them here
 * in its `getUpdateComplete`. Children that do the same make the wait reach the whole subtree.
 */
export async function childrenUpdated(root: ParentNode): Promise<void> {
  const children = [...root.querySelectorAll('*')].filter(
    (element): element is ReactiveElement => 'updateComplete' in element,
  );
  await Promise.all(children.map((child) => child.updateComplete));
}
