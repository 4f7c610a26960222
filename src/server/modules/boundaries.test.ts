import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// STYLE rule 1: a module reaches another only through its index.ts. Schema files may import another
// module's schema file (foreign keys; drizzle-kit loads schema files on their own). Platform knows no module.
const here = path.dirname(fileURLToPath(import.meta.url));
const server = path.resolve(here, '..');

function* tsFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (/\.tsx?$/.test(e.name)) yield p;
  }
}

const imports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]));

test('modules import other modules only through their index.ts', () => {
  const bad: string[] = [];
  const modulesDir = path.join(server, 'modules');
  for (const file of tsFiles(modulesDir)) {
    const own = path.relative(modulesDir, file).split(path.sep)[0];
    for (const target of imports(file)) {
      if (!target.startsWith(modulesDir + path.sep)) continue;
      const [other, ...rest] = path.relative(modulesDir, target).split(path.sep);
      if (other === own) continue;
      const okIndex = rest.length === 1 && rest[0] === 'index.ts';
      const okSchema = file.endsWith('.schema.ts') && target.endsWith('.schema.ts');
      if (!okIndex && !okSchema) bad.push(`${path.relative(server, file)} → ${path.relative(server, target)}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('code outside the modules (http, start-up, CLI, tests harness) reaches a module only through its index.ts', () => {
  const bad: string[] = [];
  const modulesDir = path.join(server, 'modules');
  const roots = [server, path.resolve(server, '../cli')];
  for (const root of roots) {
    for (const file of tsFiles(root)) {
      if (file.startsWith(modulesDir + path.sep)) continue;
      for (const target of imports(file)) {
        if (!target.startsWith(modulesDir + path.sep)) continue;
        const rest = path.relative(modulesDir, target).split(path.sep).slice(1);
        // The composition root gathers every module's tables.
        const okSchema = file === path.join(server, 'schema.ts') && target.endsWith('.schema.ts');
        if (!(rest.length === 1 && rest[0] === 'index.ts') && !okSchema) bad.push(`${path.relative(server, file)} → ${path.relative(server, target)}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('the platform imports no domain module', () => {
  const bad: string[] = [];
  for (const file of tsFiles(path.join(server, 'platform'))) {
    if (file.endsWith('.test.ts')) continue;
    for (const target of imports(file)) if (target.includes(`${path.sep}modules${path.sep}`)) bad.push(path.relative(server, file));
  }
  assert.deepEqual(bad, []);
});
