// For contributors with desktop VS Code: runs the extension-host suite (test/e2e/suite) with
// @vscode/test-cli, which downloads VS Code on first use. CI runs the same suite inside code-server
// instead (npm run test:e2e), because it cannot download VS Code.
//
//   npm run build && node tools/e2e/build-tests.mjs
//   npx -p @vscode/test-cli -p @vscode/test-electron vscode-test
//
// A plain object rather than defineConfig(), so this file needs no package installed to load.
export default {
  label: 'extension host',
  files: 'out/test/e2e/suite/*.test.js',
  extensionDevelopmentPath: '.',
  workspaceFolder: './examples',
  version: 'stable',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 60000, color: true },
};
