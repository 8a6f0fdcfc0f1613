import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, outdir: 'dist', define: { VPP_LINT_VERSION: JSON.stringify(version) } }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts', languageClient: 'client/src/languageClient.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { sniff: 'server/src/analysis/sniff.ts' }, outdir: 'dist' }),
]);

// the repository is an ES module package; the bundles are CommonJS, as VS Code loads extensions
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
