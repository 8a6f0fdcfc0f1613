import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
/** The version the server and the linter report, from package.json. */
const define = { PACKAGE_VERSION: JSON.stringify(version) };
/** The server and the linter as an npm package of their own (packages/vpp-language-server). */
const serverPackage = 'packages/vpp-language-server';

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
  build({ ...common, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, outdir: 'dist', define }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts', languageClient: 'client/src/languageClient.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { sniff: 'server/src/analysis/sniff.ts' }, outdir: 'dist' }),
  build({ ...common, sourcemap: false, entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' }, outdir: `${serverPackage}/dist`, define }),
]);
copyFileSync('LICENSE', `${serverPackage}/LICENSE`);
const packageManifest = JSON.parse(readFileSync(`${serverPackage}/package.json`, 'utf8'));
if (packageManifest.version !== version) throw new Error(`${serverPackage}/package.json has version ${packageManifest.version}, the extension ${version}`);

// the repository is an ES module package; the bundles are CommonJS, as VS Code loads extensions
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
