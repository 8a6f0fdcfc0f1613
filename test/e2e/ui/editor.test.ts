import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { DECISION_RULE, INTERFACE_TYPES } from '../../../server/src/schema/docs/interfaceTypes';
import { launchBrowser } from '../../../tools/e2e/browser.mjs';
import { type ColouredSpan, Workbench } from './workbench';

/**
 * What a person sees in VS Code (code-server) with the packaged extension installed. Started by
 * tools/e2e/run.sh, which passes the server's URL, a fresh copy of examples/ and where screenshots go.
 */
const URL = process.env.VPP_E2E_URL!;
const WORKSPACE = process.env.VPP_E2E_WORKSPACE!;
const SCREENSHOTS = process.env.VPP_E2E_SCREENSHOTS!;
const CLI = 'VPP CLI script';
const STARTUP = 'VPP startup.conf';
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

/** The colour Monaco gives text that no grammar scope or semantic token colours. */
const PLAIN_TEXT = 'mtk1';

/** A word on the first editor line that contains `line`, and what it is (for messages). */
interface Highlighted {
  line: string;
  word: string;
  what: string;
}

/** The colour of the span that holds `word` (between blanks), if one does. */
function colourOf(spans: readonly ColouredSpan[], word: string): string | undefined {
  return spans.find((s) => s.text.split(/\s+/).includes(word))?.colour;
}

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

  /**
   * Waits until each word is drawn in a colour of its own, none of them plain text: the grammar
   * colours a file at once, the server's semantic tokens (sections, then parameters) a moment later.
   */
  const expectDistinctColours = async (words: readonly Highlighted[]) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const colours = await Promise.all(words.map(async ({ line, word }) => colourOf(await wb.colouredSpans(line), word)));
      const plain = colours.some((c) => c === undefined || c === PLAIN_TEXT);
      if (!plain && new Set(colours).size === colours.length) return;
      if (Date.now() > deadline) {
        const found = words.map(({ word, what }, i) => `${what} \`${word}\`: ${colours[i] ?? 'no span of its own'}`);
        assert.fail(`not one colour each (${PLAIN_TEXT} is plain text): ${found.join(', ')}`);
      }
      await wb.settle(500);
    }
  };

  it('highlights startup.conf: sections, parameters, sizes, PCI addresses and comments', async () => {
    await wb.openFile('startup.conf', STARTUP);
    const lines = readFileSync(join(WORKSPACE, 'startup.conf'), 'utf8').split('\n');
    // Ctrl+G to the blank line above dpdk centres it, with memory and plugins around: the most kinds of words
    await wb.goTo(lines.findIndex((l) => l.startsWith('dpdk {')), 1);
    await expectDistinctColours([
      { line: 'memory {', word: 'memory', what: 'section' },
      { line: 'main-heap-size 1G', word: 'main-heap-size', what: 'parameter' },
      { line: 'main-heap-size 1G', word: '1G', what: 'size' },
    ]);
    await expectDistinctColours([
      { line: 'dev 0000:00:08.0', word: 'dev', what: 'parameter' },
      { line: 'dev 0000:00:08.0', word: '0000:00:08.0', what: 'PCI address' },
      { line: 'plugin linux_cp_plugin.so', word: 'linux_cp_plugin.so', what: 'plugin file' },
      { line: '# the NIC at PCI address', word: '#', what: 'comment' },
    ]);
    await shot('highlight-startup');
  });

  it('highlights a CLI script: commands, options, addresses, MACs and comments', async () => {
    await wb.openFile('linux-cp.vpp', CLI);
    await expectDistinctColours([
      { line: 'ip route add 0.0.0.0/0 via', word: 'route', what: 'command word' },
      { line: 'ip route add 0.0.0.0/0 via', word: 'via', what: 'option keyword' },
      { line: 'ip route add 0.0.0.0/0 via', word: '0.0.0.0/0', what: 'IPv4 prefix' },
      { line: '# a backslash', word: '#', what: 'comment' },
    ]);
    for (const [line, word, what] of [
      ['ip address uplink0 203.0.113.2', '203.0.113.2/24', 'IPv4 prefix'],
      ['mac address uplink0', '02:fe:4a:3c:00:01', 'MAC address'],
      ['state uplink0 up', 'up', 'state'],
    ]) {
      await expectDistinctColours([{ line, word: 'interface', what: 'command word' }, { line, word, what }]);
    }
    // after `\` the command goes on (`set interface ip address` reads its input directly): the prefix
    // starting the next line is still a value, not a command
    await expectDistinctColours([
      { line: 'ip address uplink0 \\', word: 'address', what: 'command word before a continuation' },
      { line: '2001:db8:0:1::2/64', word: '2001:db8:0:1::2/64', what: 'IPv6 prefix after a continuation' },
    ]);
    const prefix = colourOf(await wb.colouredSpans('ip route add ::/0'), '::/0');
    assert.equal(colourOf(await wb.colouredSpans('2001:db8:0:1::2/64'), '2001:db8:0:1::2/64'), prefix, 'a prefix after a continuation is coloured as a prefix');
    await shot('highlight-cli');
  });

  it('gives a new line, not a completion, on `{` + Enter in startup.conf', async () => {
    await wb.openFile('startup.conf', STARTUP);
    await wb.newLineAtEnd();
    for (const [section, parameter] of [['unix', 'nodaemon'], ['dpdk', 'no-pci']]) {
      await wb.page.keyboard.type(`${section} {`, { delay: 50 });
      await wb.settle(1500); // time for a completion list to open, if one would
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type(parameter, { delay: 50 });
      await wb.page.keyboard.press('Escape'); // the list the word itself opens
      const lines = (await wb.lines()).map((l) => l.trimEnd());
      const at = lines.lastIndexOf(`${section} {`);
      assert.ok(at >= 0, `a line \`${section} {\` alone:\n${lines.join('\n')}`);
      assert.match(lines[at + 1], new RegExp(`^\\s+${parameter}$`), `the parameter on its own indented line:\n${lines.join('\n')}`);
      assert.equal(lines[at + 2], '}', `the brace closed below:\n${lines.join('\n')}`);
      await wb.page.keyboard.press('ArrowDown');
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
    }
  });

  it('asks where to keep the release chosen in "VPP: Select VPP Release", and writes the file\'s comment', async () => {
    await wb.openFile('af_packet.vpp', CLI);
    await wb.runCommand('VPP: Select VPP Release');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('25.10');
    await wb.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '25.10' }).waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'This workspace' }).waitFor({ timeout: 30_000 });
    await input.fill('This file');
    await wb.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'This file' }).waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-instance .view-line', { hasText: '# vpp-version: 25.10' }).first().waitFor({ timeout: 30_000 });
    assert.equal((await wb.lines())[0].trim(), '# vpp-version: 25.10');
    await wb.page.locator('.statusbar-item', { hasText: 'VPP 25.10' }).first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Control+Z');
  });

  it('opens signature help on the space after a command word, and not again on each space once closed', async () => {
    await wb.openFile('tap.vpp', CLI);
    await wb.newLineAtEnd();
    const hints = wb.page.locator('.parameter-hints-widget.visible');
    await wb.page.keyboard.type('create tap ', { delay: 50 });
    await hints.waitFor({ timeout: 10_000 });
    // Escape closes the suggest widget first, then the signature help: both must be gone
    const suggest = wb.page.locator('.suggest-widget.visible');
    for (let i = 0; i < 4 && ((await hints.isVisible()) || (await suggest.isVisible())); i++) {
      await wb.page.keyboard.press('Escape');
      await wb.settle(300);
    }
    assert.equal(await hints.isVisible(), false, 'signature help closed');
    await wb.page.keyboard.type('id 7 ', { delay: 50 });
    await wb.settle(2000);
    assert.equal(await hints.isVisible(), false, 'signature help reopened on a space between arguments');
    // take the line out again, for the next test's screenshot
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Shift+Home');
    await wb.page.keyboard.press('Delete');
    await wb.page.keyboard.press('Backspace');
  });

  it('suggests the options of `create tap` as you type', async () => {
    await wb.openFile('tap.vpp', CLI);
    await wb.newLineAtEnd();
    await wb.page.keyboard.type('create tap ');
    await wb.closeSignatureHelp();
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

  it('shows a short hover on `af_xdp`: the syntax, one sentence, the course facts, and where the rest is', async () => {
    const course = INTERFACE_TYPES.find((t) => t.id === 'af_xdp')!;
    await wb.openFile('af_xdp.vpp', CLI);
    await wb.goTo(3, 20);
    const hover = await wb.showHover(course.title);
    const text = await hover.innerText();
    assert.ok(text.includes(course.matrix.throughput), 'the hover has the matrix row');
    assert.ok(text.includes('vpp.hover.detail') && !text.includes(course.whenToUse), 'the long course text is behind the setting');
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

  it('takes the workspace\'s startup.conf for "line rate: yes", not an untitled file', async () => {
    assert.equal(DECISION_RULE[0].answer, 'dpdk');
    await wb.openFile('tap.vpp', CLI);
    await wb.runCommand('VPP: Choose an Interface Type...');
    await wb.answer(DECISION_RULE[0].question, 'Yes');
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'startup.conf' }).waitFor({ timeout: 30_000 });
    // examples/startup.conf has its dpdk section already: it is shown, the word `dpdk` selected
    await wb.page.locator('.statusbar-item', { hasText: '(4 selected)' }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.editor-instance .view-line', { hasText: 'dpdk {' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count(), 0, 'an Untitled tab opened');
  });

  it('opens the selection matrix read-only and closes it without a prompt or a stray Untitled tab', async () => {
    await wb.runCommand('VPP: Show the Interface Selection Matrix');
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Interface selection matrix' });
    await tab.first().waitFor({ timeout: 30_000 });
    // the preview is a webview: its page sits in an iframe inside an iframe
    const preview = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('table', { hasText: 'Max throughput' }).waitFor({ timeout: 30_000 });
    await shot('selection-matrix');
    await tab.first().click();
    await wb.page.keyboard.press('Control+W');
    await tab.first().waitFor({ state: 'detached', timeout: 30_000 });
    await wb.settle(1000);
    assert.equal(await wb.page.locator('.monaco-dialog-box').count(), 0, 'a save prompt opened');
    assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: 'Untitled' }).count(), 0, 'an Untitled tab is left');
  });
});
