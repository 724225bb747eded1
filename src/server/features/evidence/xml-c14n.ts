/**
 * A small XML reader and Canonical XML 1.0 (inclusive, with or without comments), for checking
 * XML signatures inside Word and OpenDocument files (office-signatures.ts). The reader takes
 * well-formed XML without a document type declaration (the zip guard refuses any part that has
 * one, so no entity but the five predefined ones and character references can occur); it never
 * fetches anything. Canonical form follows W3C "Canonical XML Version 1.0": LF line ends,
 * normalised attribute values, empty elements as start and end tags, namespace declarations then
 * attributes in canonical order, declarations rendered only where their value changes, and for a
 * subtree the namespaces and `xml:` attributes it inherits from its ancestors.
 */

export interface XmlElement {
  kind: 'element';
  name: string;
  attrs: { name: string; value: string }[];
  children: XmlNode[];
  parent: XmlElement | null;
}
export type XmlNode =
  | XmlElement
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'pi'; target: string; data: string };

export interface XmlDocument {
  /** Comments and processing instructions before and after the document element. */
  before: XmlNode[];
  root: XmlElement;
  after: XmlNode[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Deeper nesting is refused: no document of these formats comes near it. */
const MAX_DEPTH = 512;

export class XmlError extends Error {}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);|&/g, (m, e?: string) => {
    if (e === undefined) throw new XmlError('bare ampersand');
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) throw new XmlError('bad reference');
    return String.fromCodePoint(code);
  });
}

const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*/;

/** Parses a whole document; throws XmlError on anything not well formed or not supported. */
export function parseXml(input: string): XmlDocument {
  const src = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  const before: XmlNode[] = [];
  const after: XmlNode[] = [];
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const push = (node: XmlNode) => {
    const top = stack.at(-1);
    if (top) top.children.push(node);
    else if (node.kind === 'text') {
      if (node.text.trim() !== '') throw new XmlError('text outside the document element');
    } else if (node.kind !== 'element') (root ? after : before).push(node);
  };
  while (i < src.length) {
    if (src[i] !== '<') {
      const end = src.indexOf('<', i);
      const raw = src.slice(i, end < 0 ? src.length : end);
      if (raw.includes(']]>')) throw new XmlError(']]> in text');
      push({ kind: 'text', text: decode(raw) });
      i = end < 0 ? src.length : end;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unclosed comment');
      push({ kind: 'comment', text: src.slice(i + 4, end) });
      i = end + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new XmlError('CDATA outside the document element');
      const end = src.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unclosed CDATA');
      push({ kind: 'text', text: src.slice(i + 9, end) });
      i = end + 3;
      continue;
    }
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unclosed processing instruction');
      const body = src.slice(i + 2, end);
      const target = NAME.exec(body)?.[0];
      if (!target) throw new XmlError('bad processing instruction');
      // The XML declaration is no processing instruction and has no canonical form.
      if (target !== 'xml')
        push({ kind: 'pi', target, data: body.slice(target.length).replace(/^\s+/, '') });
      else if (i !== 0) throw new XmlError('misplaced XML declaration');
      i = end + 2;
      continue;
    }
    if (src.startsWith('<!', i)) throw new XmlError('document type declarations are not read');
    if (src[i + 1] === '/') {
      const m = /^<\/([^\s>]+)\s*>/.exec(src.slice(i, i + 1024));
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new XmlError('mismatched end tag');
      i += m[0].length;
      if (stack.length === 0) root = open;
      continue;
    }
    if (root && stack.length === 0) throw new XmlError('second document element');
    // A start tag: name, attributes, end.
    let j = i + 1;
    const name = NAME.exec(src.slice(j, j + 1024))?.[0];
    if (!name) throw new XmlError('bad start tag');
    j += name.length;
    const el: XmlElement = {
      kind: 'element',
      name,
      attrs: [],
      children: [],
      parent: stack.at(-1) ?? null,
    };
    for (;;) {
      const ws = /^\s*/.exec(src.slice(j, j + 4096))![0];
      j += ws.length;
      if (src.startsWith('/>', j) || src[j] === '>') break;
      if (ws === '') throw new XmlError('attributes must be separated');
      const an = NAME.exec(src.slice(j, j + 1024))?.[0];
      if (!an) throw new XmlError('bad attribute');
      j += an.length;
      const eq = /^\s*=\s*(["'])/.exec(src.slice(j, j + 1024));
      if (!eq) throw new XmlError('bad attribute');
      j += eq[0].length;
      const close = src.indexOf(eq[1]!, j);
      if (close < 0) throw new XmlError('unclosed attribute');
      const raw = src.slice(j, close);
      if (raw.includes('<')) throw new XmlError('< in attribute');
      if (el.attrs.some((a) => a.name === an)) throw new XmlError('duplicate attribute');
      // Attribute-value normalisation: literal white space is a space, references are kept.
      el.attrs.push({ name: an, value: decode(raw.replace(/[\t\n]/g, ' ')) });
      j = close + 1;
    }
    push(el);
    if (src[j] === '>') {
      if (stack.length >= MAX_DEPTH) throw new XmlError('too deep');
      stack.push(el);
      i = j + 1;
    } else {
      i = j + 2;
      if (stack.length === 0) root = el;
    }
  }
  if (!root || stack.length > 0) throw new XmlError('no complete document element');
  return { before, root, after };
}

const prefixOf = (qname: string) => (qname.includes(':') ? qname.split(':')[0]! : '');
const localOf = (qname: string) =>
  qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;

/** The namespaces in scope on an element: prefix ('' for the default) → URI ('' = undeclared). */
export function namespacesOf(el: XmlElement): Map<string, string> {
  const chain: XmlElement[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) chain.unshift(e);
  const map = new Map<string, string>();
  for (const e of chain)
    for (const a of e.attrs) {
      if (a.name === 'xmlns') map.set('', a.value);
      else if (a.name.startsWith('xmlns:')) map.set(a.name.slice(6), a.value);
    }
  return map;
}

/** The namespace URI of an element's name ('' when it has none). */
export function namespaceOf(el: XmlElement): string {
  return namespacesOf(el).get(prefixOf(el.name)) ?? '';
}

/** The local part of an element's name. */
export const localName = (el: XmlElement): string => localOf(el.name);

/** Child elements with this namespace and local name. */
export function childrenNamed(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement =>
      c.kind === 'element' && localOf(c.name) === local && namespaceOf(c) === ns,
  );
}

/** Every descendant element (and the element itself), in document order. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (c.kind === 'element') yield* descendants(c);
}

/** The text content of an element (its descendant text, concatenated). */
export function textOf(el: XmlElement): string {
  return el.children
    .map((c) => (c.kind === 'text' ? c.text : c.kind === 'element' ? textOf(c) : ''))
    .join('');
}

export const attr = (el: XmlElement, name: string): string | null =>
  el.attrs.find((a) => a.name === name)?.value ?? null;

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
const escapeAttr = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The namespaces in scope on `el` given those of its parent (the map is shared when unchanged). */
function scopeOf(el: XmlElement, parentScope: Map<string, string>): Map<string, string> {
  const own = el.attrs.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
  if (own.length === 0) return parentScope;
  const scope = new Map(parentScope);
  for (const a of own) scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
  return scope;
}

function renderNode(
  node: XmlNode,
  rendered: Map<string, string>,
  comments: boolean,
  out: string[],
  apex: boolean,
  parentScope: Map<string, string> | null = null,
): void {
  switch (node.kind) {
    case 'text':
      out.push(escapeText(node.text));
      return;
    case 'comment':
      if (comments) out.push(`<!--${node.text}-->`);
      return;
    case 'pi':
      out.push(`<?${node.target}${node.data ? ` ${node.data}` : ''}?>`);
      return;
    case 'element':
      break;
  }
  const el = node;
  const scope = parentScope ? scopeOf(el, parentScope) : namespacesOf(el);
  // Namespace declarations whose value differs from the nearest rendered ancestor's.
  const decls: [string, string][] = [];
  for (const [prefix, uri] of scope) {
    if (prefix === 'xml') continue;
    const above = rendered.get(prefix);
    // An empty default namespace is declared only to undo a rendered non-empty one.
    if (prefix === '' ? (above ?? '') === uri : above === uri) continue;
    decls.push([prefix, uri]);
  }
  decls.sort((a, b) => byCodePoint(a[0], b[0]));
  const plain = el.attrs.filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'));
  const attrs = [...plain];
  if (apex) {
    // A subtree carries the xml: attributes it inherits (xml:lang, xml:space…).
    const own = new Set(plain.map((a) => a.name));
    for (let e = el.parent; e; e = e.parent)
      for (const a of e.attrs)
        if (a.name.startsWith('xml:') && !own.has(a.name)) {
          own.add(a.name);
          attrs.push(a);
        }
  }
  const keyed = attrs.map((a) => {
    const prefix = prefixOf(a.name);
    const ns = prefix === '' ? '' : prefix === 'xml' ? XML_NS : (scope.get(prefix) ?? '');
    return { ...a, ns, local: localOf(a.name) };
  });
  keyed.sort((a, b) => byCodePoint(a.ns, b.ns) || byCodePoint(a.local, b.local));
  let tag = `<${el.name}`;
  for (const [prefix, uri] of decls)
    tag += prefix === '' ? ` xmlns="${escapeAttr(uri)}"` : ` xmlns:${prefix}="${escapeAttr(uri)}"`;
  for (const a of keyed) tag += ` ${a.name}="${escapeAttr(a.value)}"`;
  out.push(`${tag}>`);
  let inner = rendered;
  if (decls.length > 0) {
    inner = new Map(rendered);
    for (const [prefix, uri] of decls) inner.set(prefix, uri);
  }
  for (const child of el.children) renderNode(child, inner, comments, out, false, scope);
  out.push(`</${el.name}>`);
}

/** The canonical form of a whole document (Canonical XML 1.0). */
export function canonicalDocument(doc: XmlDocument, comments = false): string {
  const out: string[] = [];
  for (const n of doc.before) {
    if (n.kind === 'comment' && !comments) continue;
    renderNode(n, new Map(), comments, out, false);
    out.push('\n');
  }
  renderNode(doc.root, new Map(), comments, out, false);
  for (const n of doc.after) {
    if (n.kind === 'comment' && !comments) continue;
    out.push('\n');
    renderNode(n, new Map(), comments, out, false);
  }
  return out.join('');
}

/**
 * The canonical form of an element and its content, as a same-document reference or the
 * signature's SignedInfo is canonicalised: with the namespaces and xml: attributes in scope.
 */
export function canonicalSubtree(el: XmlElement, comments = false): string {
  const out: string[] = [];
  renderNode(el, new Map(), comments, out, true);
  return out.join('');
}
