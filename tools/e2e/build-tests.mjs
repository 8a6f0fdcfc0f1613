// Bundles the extension-host suite (test/e2e/suite/*.ts) into out/test/e2e/suite/, one CommonJS file
// per test plus index.js, the `run()` entry point VS Code calls. `vscode` comes from the extension
// host and mocha from node_modules.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const source = join(root, 'test', 'e2e', 'suite');
const outdir = join(root, 'out', 'test', 'e2e', 'suite');
const entryPoints = readdirSync(source)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => join(source, f));

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
// the repository is an ES module package; these bundles are CommonJS
mkdirSync(join(root, 'out'), { recursive: true });
writeFileSync(join(root, 'out', 'package.json'), '{ "type": "commonjs" }\n');
console.log(`built ${entryPoints.length} extension-host test modules into ${outdir}`);
