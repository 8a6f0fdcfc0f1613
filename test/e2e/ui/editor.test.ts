import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { DECISION_RULE, INTERFACE_TYPES } from '../../../server/src/schema/docs/interfaceTypes';
import { launchBrowser } from '../../../tools/e2e/browser.mjs';
import { Workbench } from './workbench';

/**
 * What a person sees in VS Code (code-server) with the packaged extension installed. Started by
 * tools/e2e/run.sh, which passes the server's URL, a fresh copy of examples/ and where screenshots go.
 */
const URL = process.env.VPP_E2E_URL!;
const WORKSPACE = process.env.VPP_E2E_WORKSPACE!;
const SCREENSHOTS = process.env.VPP_E2E_SCREENSHOTS!;
const CLI = 'VPP CLI script';
let failures = 0;

/** A test step that leaves a screenshot of the workbench behind when it fails. */
function it(name: string, body: () => Promise<void>): void {
  nodeIt(name, async () => {
    try {
      await body();
    } catch (error) {
      await wb?.page.screenshot({ path: join(SCREENSHOTS, `failure-${++failures}.png`) }).catch(() => {});
      throw error;
    }
  });
}

let wb: Workbench;

describe('VS Code with the packaged extension', { timeout: 600_000 }, () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const shot = async (name: string) => {
    await wb.settle();
    await wb.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  before(async () => {
    for (const [name, value] of Object.entries({ URL, WORKSPACE, SCREENSHOTS })) assert.ok(value, `VPP_E2E_${name} is not set: run npm run test:e2e`);
    browser = await launchBrowser();
    wb = new Workbench(browser.page);
    await wb.open(URL, WORKSPACE);
  });

  after(async () => {
    await browser?.close();
  });

  it('suggests the options of `create tap` as you type', async () => {
    await wb.openFile('tap.vpp', CLI);
    await wb.newLineAtEnd();
    await wb.page.keyboard.type('create tap ');
    const rows = await wb.suggestions('host-if-name');
    for (const option of ['host-if-name', 'host-ns', 'host-ip4-addr']) assert.ok(rows.includes(option), `${option} not in ${rows.join(', ')}`);
    // Ctrl+Space again opens the documentation of the focused option
    await wb.page.keyboard.press('Control+Space');
    await wb.page.locator('.suggest-details-container .docs', { hasText: rows[0] }).waitFor({ timeout: 10_000 });
    await shot('completion');
    await wb.page.keyboard.press('Escape');
  });

  it('underlines `af-xdp` and lists it in the Problems panel', async () => {
    await wb.openFile('broken.vpp', CLI);
    await wb.page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Control+Shift+M');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'af-xdp' });
    await problem.first().waitFor({ timeout: 30_000 });
    assert.match(await problem.first().innerText(), /af_xdp/, 'the problem suggests af_xdp');
    await wb.goTo(2, 20);
    await shot('problems');
  });

  it('fixes `af-xdp` with its quick fix', async () => {
    await wb.editor().click();
    await wb.goTo(2, 20);
    const fix = await wb.quickFix('Change to `af_xdp`');
    await shot('quick-fix');
    await fix.click();
    await wb.page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    const lines = await wb.lines();
    assert.ok(lines.some((l) => l.startsWith('create interface af_xdp host-if eth0 name afxdp0')), lines.join('\n'));
    await wb.page.keyboard.press('Control+J'); // hide the panel again
  });

  it('shows the course facts in a hover on `af_xdp`', async () => {
    const course = INTERFACE_TYPES.find((t) => t.id === 'af_xdp')!;
    await wb.openFile('af_xdp.vpp', CLI);
    await wb.goTo(3, 20);
    const hover = await wb.showHover(course.title);
    assert.ok((await hover.innerText()).includes(course.matrix.throughput), 'the hover has the matrix row');
    await wb.enlargeHover(hover, 380, 60);
    await shot('hover');
    await wb.page.keyboard.press('Escape');
  });

  it('asks the course questions in "VPP: Choose an Interface Type..." and inserts the snippet', async () => {
    const tapQuestion = DECISION_RULE.findIndex((q) => q.answer === 'tap');
    await wb.openFile('tap.vpp', CLI);
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Delete');
    await wb.runCommand('VPP: Choose an Interface Type...');
    for (let i = 0; i < tapQuestion; i++) await wb.answer(DECISION_RULE[i].question, 'No');
    await wb.waitForQuestion(DECISION_RULE[tapQuestion].question);
    await shot('choose-interface');
    await wb.answer(DECISION_RULE[tapQuestion].question, 'Yes');
    await wb.page.locator('.editor-instance .view-line', { hasText: 'create tap id' }).first().waitFor({ timeout: 30_000 });
    const lines = await wb.lines();
    assert.ok(lines.some((l) => /^create tap id 0 host-if-name vpp0 /.test(l)), lines.join('\n'));
    await shot('choose-interface-inserted');
  });
});
