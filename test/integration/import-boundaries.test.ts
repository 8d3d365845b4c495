import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The dependency rules of ARCHITECTURE.md, checked on every import of every source file.
const ROOT = resolve(import.meta.dirname, '..', '..');

/** media-core folders by layer: a folder may import only from strictly lower layers (or
 *  itself). That makes cross-folder cycles impossible. */
const CORE_LAYER: Record<string, number> = {
  contracts: 0,
  conf: 1,
  log: 1,
  protocols: 1,
  db: 2,
  stream: 2,
  events: 2,
  access: 3,
  audit: 3,
  ingest: 3,
  abuse: 4,
  operators: 4,
  partners: 4,
  cameras: 4,
  servers: 5,
  core: 6,
  cli: 7,
  'main.ts': 7,
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"`]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

const isTest = (f: string) => /\.(test|spec)\.tsx?$/.test(f);
const top = (rel: string) => rel.split(sep)[0]!;
const isNodeBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);

interface Violation {
  file: string;
  spec: string;
  rule: string;
}

function check(): Violation[] {
  const violations: Violation[] = [];
  for (const dirName of ['media-core', 'renderer', 'electron']) {
    for (const file of sourceFiles(join(ROOT, dirName))) {
      if (isTest(file)) continue;
      const rel = relative(ROOT, file);
      for (const spec of importsOf(file)) {
        const v = (rule: string) => violations.push({ file: rel, spec, rule });
        const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : null;
        const targetTop = target ? top(target) : null;

        if (dirName === 'renderer') {
          if (isNodeBuiltin(spec)) v('the renderer never imports Node APIs');
          if (spec === 'electron') v('the renderer never imports electron (use the preload API)');
          if (target && targetTop !== 'renderer' && !/^(media-core|electron)[\\/]contracts[\\/]/.test(target))
            v('from another top-level folder import only its contracts/');
        }
        if (dirName === 'electron') {
          if (target && targetTop !== 'electron' && !/^media-core[\\/]contracts[\\/]/.test(target))
            v('from another top-level folder import only its contracts/');
        }
        if (dirName === 'media-core') {
          if (['electron', 'react', 'react-dom', 'zustand', 'hls.js'].includes(spec)) v('the core never imports Electron or UI code');
          if (target && targetTop !== 'media-core' && !/^electron[\\/]contracts[\\/]/.test(target))
            v('from another top-level folder import only its contracts/');
          if (target && targetTop === 'media-core') {
            const from = rel.split(sep)[1]!;
            const to = target.split(sep)[1]!;
            const fromLayer = CORE_LAYER[from];
            const toLayer = CORE_LAYER[to];
            if (fromLayer === undefined) v(`media-core/${from} has no layer in the architecture; add it to CORE_LAYER`);
            else if (toLayer === undefined) v(`media-core/${to} has no layer in the architecture`);
            else if (from !== to && toLayer >= fromLayer) v(`media-core/${from} (layer ${fromLayer}) may not import media-core/${to} (layer ${toLayer})`);
            if (from === 'servers' && to === 'servers') {
              const a = rel.split(sep)[2];
              const b = target.split(sep)[2];
              if (a !== b && b !== 'common') v('servers never import each other (only servers/common)');
            }
            if (from === 'contracts' && !isTest(file) && to !== 'contracts') v('contracts depend on nothing');
          }
        }
      }
    }
  }
  return violations;
}

describe('import boundaries', () => {
  it('every import follows the dependency rules of ARCHITECTURE.md', () => {
    expect(check()).toEqual([]);
  });

  it('the checker itself catches a forbidden import', () => {
    // Guards against a regex that silently matches nothing.
    const specs = importsOf(join(ROOT, 'media-core', 'main.ts'));
    expect(specs.some((s) => s.startsWith('./core/'))).toBe(true);
  });
});
