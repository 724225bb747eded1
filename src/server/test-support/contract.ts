/**
 * What the contract test calls an untyped answer: an operation of the OpenAPI document whose 2xx
 * response has no body schema, or whose schema leaves a shape open somewhere inside: `{}`
 * (anything), `additionalProperties: true` or `{}`, or a `$ref` to no component. A file download
 * says so (`{ type: 'string', format: 'binary' }`, http/schemas.ts `fileAnswer`); a 204 has no
 * body.
 */
import type { JsonSchema } from './fuzz.ts';

type Schema = JsonSchema & { $ref?: string; description?: string };

export interface ContractDocument {
  paths: Record<
    string,
    Record<
      string,
      { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

const COMBINERS = ['anyOf', 'oneOf', 'allOf'] as const;
const ANNOTATIONS = new Set(['description', 'default', 'nullable', 'title', 'examples']);

/** Where inside `schema` the shape is left open, as JSON-pointer-like places. */
export function untypedPlaces(
  schema: Schema,
  components: Record<string, Schema>,
  at = '',
  seen = new Set<string>(),
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = components[name];
    if (!target) return [`${at || '/'} (no component ${schema.$ref})`];
    if (seen.has(name)) return [];
    return untypedPlaces(target, components, at, new Set([...seen, name]));
  }
  if (Object.keys(schema).every((k) => ANNOTATIONS.has(k))) return [at || '/'];
  const out: string[] = [];
  for (const c of COMBINERS)
    schema[c]?.forEach((s, i) =>
      out.push(...untypedPlaces(s, components, `${at}/${c}/${i}`, seen)),
    );
  if (schema.items) out.push(...untypedPlaces(schema.items, components, `${at}/items`, seen));
  for (const [name, s] of Object.entries(schema.properties ?? {}))
    out.push(...untypedPlaces(s, components, `${at}/${name}`, seen));
  const extra = schema.additionalProperties;
  if (extra === true) out.push(`${at}/*`);
  else if (extra && typeof extra === 'object')
    out.push(...untypedPlaces(extra, components, `${at}/*`, seen));
  return out;
}

/** Every operation whose successful answer is untyped: "METHOD /path" → the open places. */
export function untypedOperations(doc: ContractDocument): Map<string, string[]> {
  const components = doc.components?.schemas ?? {};
  const out = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      if (ok.length === 0) out.set(key, ['no 2xx answer']);
      for (const [status, res] of ok) {
        if (status === '204') continue;
        const contents = Object.values(res.content ?? {});
        const places = contents.length
          ? contents.flatMap((c) =>
              c.schema ? untypedPlaces(c.schema, components) : ['no schema'],
            )
          : ['no body schema'];
        if (places.length)
          out.set(key, [...(out.get(key) ?? []), ...places.map((p) => `${status} ${p}`)]);
      }
    }
  }
  return out;
}
