/** Building the badge's elements: plain DOM, never HTML from strings. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** Names a control by the step it takes ("log", "save"), for focus to follow re-renders. */
export function withRole<E extends HTMLElement>(node: E, role: string): E {
  node.dataset.role = role;
  return node;
}
