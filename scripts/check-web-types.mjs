#!/usr/bin/env node
// Fails when the web app re-declares the shape of something the API defines. The answers and the
// bodies of the routes are declared once, as zod schemas in src/shared/contract/, and the web app
// imports their types (`import type`); its API modules (web/src/features/**/api.ts, web/src/lib/)
// may declare only the few types listed below, each saying why it is not the server's. A type or
// interface named like a contract export (a type, or a schema with its first letter capitalised)
// fails too, listed or not.
//
// The bodies the web sends are checked where they are sent: the second argument of `api.post`,
// `api.put`, `api.patch` and the `body` option of `apiRequest`. In an API module that body must be
//   - a parameter (or a variable) whose declared type names its shape (`body: Round1Input`), with
//     no inline object type anywhere in it (`{ codes: string[] }`, `Array<{ … }>`,
//     `X & { extra: … }` fail); or
//   - an expression written `… satisfies SomeInput`, the same rule for the type; or
//   - the empty object `{}` (a route that takes no fields), or a multipart form (`new FormData()`).
// A bare object literal (`{ unitId, text }`) fails: its shape is the server's, so it says which
// contract type it is; so does `as` (a cast is not a check) and a type `unknown`, `any` or `object`.
// The check reads the syntax only (no type checker): a body held in some other way (a call's
// result, a property) fails with its line, to be written in one of the forms above; that the named
// type is the contract's is left to the rule on declared types above and to the type checker
// (a generic such as `Record<string, unknown>` would pass here). Outside the API modules the web
// app sends no body at all: a screen calling `api.post/put/patch` with a body fails (it goes
// through its feature's API module). The client (web/src/lib/api-client.ts) passes on what the
// modules give it and is not read for bodies. Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const rel = (f) => path.relative(root, f).split(path.sep).join('/');

/** Types of the web's API modules that are not a shape the server defines, and why. */
const ALLOWED = {
  // Query strings and filters the screens build (the server reads them as text).
  AuditFilters: 'the audit screen filter',
  UnitSearch: 'the unit list query',
  ScopeFilter: 'the SIPAS index and answer screens query',
  RespondentFilter: 'the respondent list query',
  DossierFilter: 'the dossier list query',
  QueryValue: 'a value of a query string',
  Method: 'the HTTP methods the client uses',
  // Views the screens take of a contract type.
  UserSummary: 'the three user fields the audit filter shows (a Pick of the contract user)',
  Inputs: "a sheet's inputs being edited, some not entered yet",
  ScoreMax: 'a score and its maximum, a cell of the scorecard',
  SignedPoints: 'signed points and their text, a cell of the scorecard',
  RequiredKind: 'the document kinds the criteria editor offers',
  ColumnMapping: "the import wizard's column choices",
  ImportColumn: "a column the dossier import wizard offers (the server's file format)",
};

function files(dir, test) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full, test);
    return test(full) ? [full] : [];
  });
}

const parse = (file) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
const isExported = (node) =>
  node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
const capitalised = (name) => name[0].toUpperCase() + name.slice(1);

// Every name the contract exports: its types, and its schemas as a type would be named.
const contractNames = new Map();
for (const file of files(path.join(root, 'src/shared/contract'), (f) => /\.ts$/.test(f))) {
  if (/\.test\.ts$/.test(file)) continue;
  for (const node of parse(file).statements) {
    if (!isExported(node)) continue;
    if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node))
      contractNames.set(node.name.text, rel(file));
    else if (ts.isVariableStatement(node))
      for (const d of node.declarationList.declarations)
        if (ts.isIdentifier(d.name)) contractNames.set(capitalised(d.name.text), rel(file));
  }
}

const webModules = [
  ...files(path.join(root, 'web/src/features'), (f) => /[/\\]api\.ts$/.test(f)),
  ...files(path.join(root, 'web/src/lib'), (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
];

const problems = [];
let declared = 0;
for (const file of webModules) {
  const visit = (node) => {
    if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      declared++;
      const name = node.name.text;
      const owner = contractNames.get(name);
      if (owner) problems.push(`${rel(file)}: ${name} re-declares ${owner}'s; import its type`);
      else if (!Object.hasOwn(ALLOWED, name))
        problems.push(
          `${rel(file)}: ${name} is declared here; import the type from src/shared/contract/ ` +
            '(or, for a type of the screens only, list it in scripts/check-web-types.mjs)',
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
}

// --- The request bodies -------------------------------------------------------------------------

const SENDING = new Set(['post', 'put', 'patch']);

/** The body expression of a call that sends one, or undefined. */
function sentBody(call) {
  const callee = call.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'api' &&
    SENDING.has(callee.name.text)
  )
    return call.arguments[1];
  if (ts.isIdentifier(callee) && callee.text === 'apiRequest') {
    const options = call.arguments[2];
    if (options && ts.isObjectLiteralExpression(options))
      for (const p of options.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText() === 'body') return p.initializer;
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'body') return p.name;
      }
  }
  return undefined;
}

const UNNAMED = new Set([
  ts.SyntaxKind.UnknownKeyword,
  ts.SyntaxKind.AnyKeyword,
  ts.SyntaxKind.ObjectKeyword,
]);

/** An inline object type (or mapped type) anywhere in a type, or no shape at all. */
function inlineObjectType(type) {
  if (UNNAMED.has(type.kind)) return true;
  let found = false;
  const visit = (n) => {
    if (found) return;
    if (ts.isTypeLiteralNode(n) || ts.isMappedTypeNode(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(type);
  return found;
}

/** The declaration of a name as the scopes around `at` hold it: a parameter or a variable. */
function declarationOf(name, at) {
  for (let scope = at.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope))
      for (const p of scope.parameters ?? [])
        if (ts.isIdentifier(p.name) && p.name.text === name) return p;
    if (ts.isBlock(scope) || ts.isSourceFile(scope))
      for (const st of scope.statements)
        if (ts.isVariableStatement(st))
          for (const d of st.declarationList.declarations)
            if (ts.isIdentifier(d.name) && d.name.text === name) return d;
  }
  return undefined;
}

const unwrap = (e) => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e);

/** Why a body is not typed by a named type, or null when it is. */
function untypedBody(body) {
  const e = unwrap(body);
  if (ts.isSatisfiesExpression(e))
    return inlineObjectType(e.type) ? `its type ${e.type.getText()} is not a named shape` : null;
  // A multipart form: its fields are read by the route one by one.
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'FormData')
    return null;
  if (ts.isObjectLiteralExpression(e))
    return e.properties.length === 0
      ? null
      : `the object ${short(e)} names no type (write \`… satisfies <its contract type>\`)`;
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(e.text, e);
    if (!decl) return `${e.text} is not a parameter or variable of the module`;
    if (decl.type)
      return inlineObjectType(decl.type)
        ? `${e.text}'s type ${decl.type.getText()} is not a named shape`
        : null;
    if (ts.isVariableDeclaration(decl) && decl.initializer) return untypedBody(decl.initializer);
    return `${e.text} has no declared type`;
  }
  return `${short(e)} is neither a typed name nor \`… satisfies <type>\``;
}

const short = (node) => {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const parseWithParents = (file) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const lineOf = (source, node) =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

const apiModules = new Set(webModules);
let bodies = 0;
for (const file of files(path.join(root, 'web/src'), (f) => /\.tsx?$/.test(f))) {
  // The client itself passes on what the API modules give it.
  if (/\.test\.tsx?$/.test(file) || rel(file) === 'web/src/lib/api-client.ts') continue;
  const source = parseWithParents(file);
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const body = sentBody(node);
      if (body) {
        const where = `${rel(file)}:${lineOf(source, body)}`;
        if (!apiModules.has(file)) {
          if (!(ts.isObjectLiteralExpression(body) && body.properties.length === 0))
            problems.push(`${where}: a body is sent from a screen; send it from the API module`);
        } else {
          bodies++;
          const why = untypedBody(body);
          if (why)
            problems.push(`${where}: a request body whose shape is not a named type: ${why}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(
    `${problems.length} problem(s): the web's API modules re-declare the contract or send ` +
      'bodies whose type is not named.',
  );
  process.exit(1);
}
console.log(
  `The web's ${webModules.length} API modules declare ${declared} types of their own, ` +
    `none a shape of the contract (${contractNames.size} names), and send ${bodies} bodies, ` +
    'each of a named type.',
);
