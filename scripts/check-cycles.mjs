#!/usr/bin/env node
// Fails when the TypeScript sources under src/ import each other in a cycle. Every relative
// import, export … from and import() counts, type-only ones too (a cycle of types is a cycle of
// knowledge between modules). Part of `npm run lint`. Prints each cycle as a chain of files.
//
// Fails as well when a feature (src/server/features/<name>/) or the CLI (src/cli/) imports another
// feature's repository (repository.ts, *.repository.ts, *-repository.ts): a feature uses another
// through its service. The tests, the demo data (src/server/demo/) and the composition root
// (src/server/bootstrap.ts), which seed rows directly, are exempt.
//
// Fails as well when a module other than the workbook reader and writer of src/server/infra/
// (workbook-read.ts, workbook-write.ts) imports exceljs; tests and their fixtures are exempt.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

/** The module specifiers a file names (relative ones and packages). */
function allSpecifiers(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The relative module specifiers a file names. */
const specifiers = (file) => allSpecifiers(file).filter((s) => s.startsWith('.'));

const files = sources(src);
const known = new Set(files);
const graph = new Map(
  files.map((f) => [
    f,
    [
      ...new Set(
        specifiers(f)
          .map((s) => path.resolve(path.dirname(f), s))
          .filter((t) => known.has(t)),
      ),
    ],
  ]),
);

// Tarjan's strongly connected components; every component of more than one file holds a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function connect(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v)) {
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).includes(v)) components.push(component);
  }
}
for (const f of files) if (!meta.has(f)) connect(f);

/** One shortest cycle through the component's first file, for the message. */
function cycleIn(component) {
  const inside = new Set(component);
  const start = component.sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const chain = [start];
        for (let x = v; x !== start; x = previous.get(x)) chain.splice(1, 0, x);
        return [...chain, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

const rel = (f) => path.relative(root, f).split(path.sep).join('/');

/** The feature a file belongs to, `cli` for the CLI, null for the rest. */
function featureOf(file) {
  const r = rel(file);
  if (/\.test\.tsx?$/.test(r)) return null;
  if (r.startsWith('src/cli/')) return 'cli';
  return r.match(/^src\/server\/features\/([^/]+)\//)?.[1] ?? null;
}
const isRepository = (file) =>
  /(^|\/)repository\.ts$|\.repository\.ts$|-repository\.ts$/.test(rel(file));

const backDoors = [];
for (const [from, targets] of graph) {
  const feature = featureOf(from);
  if (feature === null) continue;
  for (const to of targets) {
    const owner = rel(to).match(/^src\/server\/features\/([^/]+)\//)?.[1];
    if (owner && owner !== feature && isRepository(to)) backDoors.push(`${rel(from)} → ${rel(to)}`);
  }
}

const WORKBOOK_MODULES = new Set([
  'src/server/infra/workbook-read.ts',
  'src/server/infra/workbook-write.ts',
]);
const excelOutside = files
  .filter((f) => !/\.test\.tsx?$/.test(f) && !rel(f).startsWith('src/server/test-support/'))
  .filter((f) => !WORKBOOK_MODULES.has(rel(f)) && allSpecifiers(f).includes('exceljs'))
  .map(rel);

let failed = false;
if (components.length === 0) {
  console.log(`No import cycle among ${files.length} files of src/.`);
} else {
  for (const c of components) {
    console.error(`Import cycle (${c.length} files): ${cycleIn(c).map(rel).join(' → ')}`);
  }
  console.error(`${components.length} import cycle(s) in src/; see above.`);
  failed = true;
}
if (backDoors.length === 0) {
  console.log("No feature imports another feature's repository.");
} else {
  for (const b of backDoors) console.error(`Another feature's repository: ${b}`);
  console.error(
    `${backDoors.length} import(s) of another feature's repository; go through its service.ts.`,
  );
  failed = true;
}
if (excelOutside.length === 0) {
  console.log('Only the workbook reader and writer of infra/ use exceljs.');
} else {
  for (const f of excelOutside) console.error(`exceljs outside infra/workbook-*.ts: ${f}`);
  console.error(
    'Write workbooks through infra/workbook-write.ts, read them through infra/workbook.ts.',
  );
  failed = true;
}
if (failed) process.exit(1);
