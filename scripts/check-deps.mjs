#!/usr/bin/env node
// The dependency rule (ARCHITECTURE.md), checked on the imports of src/**/*.ts and web/src/**/*.{ts,tsx}, tests
// excluded. Fails (exit 1) when
//   (a) a file in src/core imports anything under src/modules or src/seed (core stands alone; modules register hooks);
//   (b) modules import each other in a loop (a module is src/modules/<m>, or src/modules/cobuild/<sub>);
//   (c) a *.enums.ts file or src/core/auth/roles.ts imports anything, or a *.rules.ts file (a business rule shared
//       with the web) imports more than those and contract types (the web imports them as values);
//   (d) a web file imports a server file that is not a *.contracts.ts, *.enums.ts, *.rules.ts or src/core/auth/roles.ts;
//   (e) a module imports a file of another module that is not public (schema, contracts, enums, service, policy,
//       a named query file: *.queries.ts, *.query.ts, *.scope.ts).
// Type-only imports count: a type-only loop still means neither module can be understood without the other.
// Imports are read with TypeScript's parser (already a dev dependency): static imports, re-exports and import('…').
//
//   node scripts/check-deps.mjs                 the four rules
//   node scripts/check-deps.mjs --file-cycles   also list import loops between files (informational, never fails)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { groupCycles, moduleOf, ruleViolations } from './check-deps-graph.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEST_FILE = /\.test\.tsx?$/;

/** Repository-relative paths (forward slashes) of the source files under `dir` with one of `extensions`. */
function sourceFiles(dir, extensions) {
  const found = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        extensions.some((e) => entry.name.endsWith(e)) &&
        !entry.name.endsWith('.d.ts') &&
        !TEST_FILE.test(entry.name)
      )
        found.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(ROOT, dir));
  return found.sort();
}

/** Every module specifier a file names: `import … from`, `import '…'`, `export … from`, `import('…')`. */
function importsOf(file) {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause
        ? clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly))
        : false;
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository path a relative specifier names (`./x.js` is `./x.ts`; the web leaves extensions off), or null. */
function resolve(from, specifier, known) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  return candidates.find((c) => known.has(c)) ?? null;
}

function isFile(rel) {
  try {
    return statSync(path.join(ROOT, rel)).isFile();
  } catch {
    return false;
  }
}

/** File-level import edges; `external` marks a package (kept for rule c), unresolved relative paths are reported. */
function collectEdges(files) {
  const known = new Set(files);
  const edges = [];
  const unresolved = [];
  for (const from of files) {
    for (const { specifier, typeOnly } of importsOf(from)) {
      if (!specifier.startsWith('.')) {
        edges.push({ from, to: specifier, typeOnly, external: true });
        continue;
      }
      const to = resolve(from, specifier, known);
      const same = to && edges.find((e) => e.from === from && e.to === to);
      if (same) same.typeOnly &&= typeOnly;
      else if (to) edges.push({ from, to, typeOnly });
      else if (
        !/\.(css|svg|png|json|jsonl|txt)$/.test(specifier) ||
        !isFile(path.posix.join(path.posix.dirname(from), specifier))
      )
        unresolved.push({ from, specifier });
    }
  }
  return { edges, unresolved };
}

const arrow = (edge) => `${edge.from} → ${edge.to}${edge.typeOnly ? ' (type only)' : ''}`;

const RULES = {
  a: 'core imports a module or the seed (core must depend on no module: move the code into core or pass a hook in from src/app.ts)',
  c: 'an enum file or core/auth/roles.ts imports something, or a *.rules.ts file more than enums and contract types (the web imports these as values)',
  d: 'the web imports a server file that is not *.contracts.ts, *.enums.ts, *.rules.ts or core/auth/roles.ts',
  e: "a module imports another module's private file (public: *.schema, *.contracts, *.enums, *.service, *.policy, *.queries/*.query, *.scope)",
};

/** Each tangle: its loops as paths, then once each the imports (file → file) behind every step of those loops. */
function printCycles(title, tangles, describe, details = true) {
  console.log(`\n${title}`);
  for (const { groups, cycles } of tangles) {
    console.log(`  ${describe(groups)}; loops:`);
    for (const loop of cycles) console.log(`    ${[...loop.path, loop.path[0]].join(' → ')}`);
    if (!details) continue;
    console.log('  the imports that make them:');
    const steps = new Map();
    for (const loop of cycles) for (const step of loop.steps) steps.set(`${step.from} → ${step.to}`, step.edges);
    for (const [step, stepEdges] of [...steps].sort(([x], [y]) => x.localeCompare(y))) {
      console.log(`    ${step}:`);
      for (const edge of stepEdges) console.log(`      ${arrow(edge)}`);
    }
  }
}

function main() {
  const wantFileCycles = process.argv.includes('--file-cycles');
  const files = [...sourceFiles('src', ['.ts']), ...sourceFiles('web/src', ['.ts', '.tsx'])];
  const { edges, unresolved } = collectEdges(files);
  const local = edges.filter((e) => !e.external);
  const violations = ruleViolations(edges);
  const moduleCycles = groupCycles(local, moduleOf);
  let failed = false;

  for (const rule of ['a', 'c', 'd', 'e']) {
    const hits = violations.filter((v) => v.rule === rule);
    if (!hits.length) continue;
    failed = true;
    console.log(`\n(${rule}) ${RULES[rule]}: ${hits.length}`);
    for (const { edge } of hits) console.log(`  ${arrow(edge)}`);
  }
  if (moduleCycles.length) {
    failed = true;
    const loops = moduleCycles.reduce((n, c) => n + c.cycles.length, 0);
    printCycles(
      `(b) modules that import each other in a loop: ${moduleCycles.length} group(s), ${loops} loop(s)`,
      moduleCycles,
      (groups) => `${groups.length} modules entangled: ${groups.join(', ')}`,
    );
  }
  if (unresolved.length) {
    console.log(`\nrelative imports that name no file (not a failure; tsc reports them): ${unresolved.length}`);
    for (const u of unresolved) console.log(`  ${u.from} → '${u.specifier}'`);
  }
  if (wantFileCycles) {
    const fileCycles = groupCycles(local, (f) => f);
    printCycles(
      `file-level import loops (informational): ${fileCycles.length}`,
      fileCycles,
      (g) => `${g.length} files`,
    );
  }
  const summary = `${files.length} files, ${local.length} local imports`;
  if (failed) {
    console.log(`\ncheck-deps: FAILED (${summary}); the rules are in scripts/check-deps.mjs and ARCHITECTURE.md`);
    process.exitCode = 1;
  } else console.log(`check-deps: ok (${summary})`);
}

main();
