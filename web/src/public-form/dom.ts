/** A tiny element builder for the public pages (no framework: the form must stay small). */

type Child = Node | string | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;

/**
 * Creates an element: attributes (true = present, false/null/undefined = absent), `on…` listeners,
 * then children (strings become text).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue | ((event: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined)
      el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** Replaces the content of a container. */
export function replace(container: Element, ...children: Child[]): void {
  // Not `replaceChildren`: Safari before 14 does not have it.
  while (container.firstChild) container.removeChild(container.firstChild);
  container.append(...children.filter((c): c is Node | string => Boolean(c)));
}

/**
 * A random RFC 9562 version-4 UUID. `crypto.randomUUID` exists only on secure pages of recent
 * browsers; `getRandomValues` works on old phones and plain HTTP too.
 */
export function newClientId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
