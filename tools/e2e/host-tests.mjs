// Runs the mocha suite inside code-server's extension host. code-server has no
// --extensionDevelopmentPath flag, but a workbench started with `--vscode-option
// enable-smoke-test-driver` reads the same options from the page URL's `payload` query, and reports
// the extension host's console and exit code to `window.codeAutomationLog` / `codeAutomationExit`.
//
// usage: node host-tests.mjs --url http://127.0.0.1:PORT --workspace DIR --extension DIR --tests FILE
import { format, parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';

const { values } = parseArgs({
  options: { url: { type: 'string' }, workspace: { type: 'string' }, extension: { type: 'string' }, tests: { type: 'string' }, timeout: { type: 'string', default: '600' } },
});
for (const key of ['url', 'workspace', 'extension', 'tests']) if (!values[key]) throw new Error(`--${key} is required`);

const authority = new URL(values.url).host;
const remote = (path) => `vscode-remote://${authority}${path}`;
const payload = [
  ['extensionDevelopmentPath', remote(values.extension)],
  ['extensionTestsPath', remote(values.tests)],
];
const address = `${values.url}/?folder=${encodeURIComponent(values.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

/** Lines the offline workbench logs on every start (gallery lookups, sockets, services): not ours. */
const WORKBENCH_CHATTER = /ENOTFOUND|AccountPolicyGate|AgentHost|Creating a socket|connection token|reconnection-grace-time|Service Worker|additional builtin extensions|^\s+at .*workbench\.js/;

/**
 * The workbench asks for a GitHub sign-in (settings sync, accounts) and, offline, gives up after a
 * while with a stack trace: nothing of ours and harmless. Said once, in one line.
 */
const GITHUB_AUTH = /authentication provider 'github'/;
let githubNoted = false;

const browser = await launchBrowser();
let exitCode;
try {
  const finished = new Promise((resolve) => {
    browser.page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await browser.page.exposeFunction('codeAutomationLog', (type, args) => {
    // console.log's arguments, format string first (mocha's reporter relies on %s/%d)
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (WORKBENCH_CHATTER.test(line)) return;
    if (GITHUB_AUTH.test(line)) {
      if (!githubNoted) process.stdout.write('(the workbench found no GitHub sign-in, as expected offline: harmless)\n');
      githubNoted = true;
      return;
    }
    if (type === 'error') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  });
  await browser.page.goto(address);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), Number(values.timeout) * 1000));
  const result = await Promise.race([finished, timeout]);
  if (result === 'timeout') {
    console.error(`the extension-host suite did not finish within ${values.timeout} s`);
    exitCode = 1;
  } else exitCode = result;
} finally {
  await browser.close();
}
console.log(`extension-host suite exit code ${exitCode}`);
process.exit(exitCode === 0 ? 0 : 1);
