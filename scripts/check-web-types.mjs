#!/usr/bin/env node
// Fails when the web app re-declares the shape of something the API defines. The answers and the
// bodies of the routes are declared once, as zod schemas in src/shared/contract/, and the web app
// imports their types (`import type`); its API modules (web/src/features/*/api.ts, web/src/lib/)
// may declare only the few types listed below, each saying why it is not the server's. A type or
// interface named like a contract export (a type, or a schema with its first letter capitalised)
// fails too, listed or not. Part of `npm run lint`.
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

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} type(s) of the web's API modules re-declare the contract.`);
  process.exit(1);
}
console.log(
  `The web's ${webModules.length} API modules declare ${declared} types of their own, ` +
    `none a shape of the contract (${contractNames.size} names).`,
);
