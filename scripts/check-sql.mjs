#!/usr/bin/env node
// Fails when SQL is written outside the modules that own it: the repositories of the features
// (repository.ts, *.repository.ts, *-repository.ts), the database layer in src/server/infra/, the
// tests and their harness (src/server/test-support/). A string or template literal counts as SQL
// when it reads like a statement (SELECT … FROM, INSERT INTO, UPDATE … SET, DELETE FROM, SET LOCAL,
// LOCK TABLE, DROP TABLE, an advisory lock). Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');

const SQL =
  /\bSELECT\b[\s\S]*\bFROM\b|\bSELECT\s+(1|pg_\w+)\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bSET\s+LOCAL\b|\bLOCK\s+TABLE\b|\bDROP\s+TABLE\b|\bTRUNCATE\b|\bON\s+CONFLICT\b/;

const allowed = (rel) =>
  /(^|\/)repository\.ts$|\.repository\.ts$|-repository\.ts$|\.test\.ts$/.test(rel) ||
  rel.startsWith('src/server/infra/') ||
  rel.startsWith('src/server/test-support/');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

const found = [];
for (const file of sources(src)) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (allowed(rel)) continue;
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    let literal = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    else if (ts.isTemplateExpression(node))
      literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
    if (literal !== null && SQL.test(literal)) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push(`${rel}:${line + 1}: ${literal.trim().split('\n')[0].slice(0, 80)}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

if (found.length === 0) {
  console.log('No SQL outside the repositories and src/server/infra/.');
} else {
  for (const f of found) console.error(f);
  console.error(
    `${found.length} SQL statement(s) outside the repositories; move them into the feature's repository.ts.`,
  );
  process.exit(1);
}
