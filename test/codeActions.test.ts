import { strict as assert } from 'node:assert';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { computeCodeActions } from '../server/src/features/codeActions';
import { actionsFor, applyWorkspaceEdit, described, errorsOf, lint, lintScript, lintStartup, onlyDiagnostic, URI, type Lint, type LintOptions } from './lintHelpers';
import type { Language } from '../server/src/analysis/analyze';

/** Lints, takes the one diagnostic of `code`, applies the action titled `title`, returns the new text. */
function fix(language: Language, text: string, code: string, title: string | RegExp, options?: LintOptions): { result: Lint; action: CodeAction; fixed: string } {
  const result = lint(text, language, options);
  const d = onlyDiagnostic(result, code);
  const actions = actionsFor(result, d);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  if (!action) throw new Error(`no action ${title} for ${code}; got ${actions.map((a) => a.title).join(', ') || 'none'}`);
  return { result, action, fixed: applyWorkspaceEdit(text, action.edit) };
}

function assertIsEdit(action: CodeAction, d?: Diagnostic): void {
  assert.equal(action.kind, CodeActionKind.QuickFix);
  assert.equal(action.command, undefined, 'a quick fix must be an edit, not a command');
  assert.ok(action.edit?.changes?.[URI]?.length, 'the edit changes the document');
  if (d) assert.deepEqual(action.diagnostics, [d]);
}

describe('code actions', () => {
  describe('replace with the suggestion', () => {
    it('changes `af-xdp` to `af_xdp`, as a preferred edit, and the line is then accepted', () => {
      const text = 'create interface af-xdp host-if eth0 name afxdp0\n';
      const { result, action, fixed } = fix('cli', text, 'vpp.unknown-command', 'Change to `af_xdp`');
      assertIsEdit(action, result.diagnostics[0]);
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'create interface af_xdp host-if eth0 name afxdp0\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('offers every candidate of an ambiguous abbreviation, and each one is accepted', () => {
      const text = 'set int s tap0 up\n';
      const result = lintScript(text);
      const actions = actionsFor(result, result.diagnostics[0]);
      assert.deepEqual(actions.map((a) => a.title), ['Change to `secondary-mac-address`', 'Change to `span`', 'Change to `state`']);
      const state = actions.find((a) => a.title === 'Change to `state`')!;
      assertIsEdit(state);
      const fixed = applyWorkspaceEdit(text, state.edit);
      assert.equal(fixed, 'set int state tap0 up\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('corrects an option spelled with `_` for `-`', () => {
      const { fixed } = fix('cli', 'create tap id 0 host_if_name vpp0\n', 'vpp.unknown-option', 'Change to `host-if-name`');
      assert.equal(fixed, 'create tap id 0 host-if-name vpp0\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('corrects a startup.conf section and parameter name', () => {
      const section = fix('startup', 'unxi {\n  nodaemon\n}\n', 'vpp.unknown-section', 'Change to `unix`');
      assert.equal(section.fixed, 'unix {\n  nodaemon\n}\n');
      const param = fix('startup', 'unix {\n  nodaemn\n}\n', 'vpp.unknown-parameter', 'Change to `nodaemon`');
      assert.equal(param.fixed, 'unix {\n  nodaemon\n}\n');
      assert.deepEqual(described(lintStartup(param.fixed)), []);
    });

    it('keeps CRLF line ends', () => {
      const { fixed } = fix('cli', 'show interface\r\ncreate interface af-xdp host-if eth0\r\nshow interface\r\n', 'vpp.unknown-command', 'Change to `af_xdp`');
      assert.equal(fixed, 'show interface\r\ncreate interface af_xdp host-if eth0\r\nshow interface\r\n');
    });
  });

  describe('remove what VPP refuses', () => {
    it('removes an unknown option and the words that belong to it, keeping every other character', () => {
      const text = 'create tap id 0 bogus 42 host-if-name vpp0   # uplink\nshow tap\n';
      const { action, fixed } = fix('cli', text, 'vpp.unknown-option', 'Remove `bogus 42`');
      assertIsEdit(action);
      assert.equal(action.isPreferred, undefined);
      assert.equal(fixed, 'create tap id 0 host-if-name vpp0   # uplink\nshow tap\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('removes an unknown option at the end of the line without touching the next line', () => {
      const { fixed } = fix('cli', 'create vhost-user socket /run/vpp/vm0.sock server rx-queue-size 1024\n  \nshow vhost-user\n', 'vpp.unknown-option', /^Remove /);
      assert.equal(fixed, 'create vhost-user socket /run/vpp/vm0.sock server\n  \nshow vhost-user\n');
    });

    it('removes an unknown startup.conf parameter and only it', () => {
      const { fixed } = fix('startup', 'unix {\n  nodaemon\n  nodaemn\n  log /tmp/vpp.log\n}\n', 'vpp.unknown-parameter', 'Remove `nodaemn`');
      assert.equal(fixed, 'unix {\n  nodaemon\n  \n  log /tmp/vpp.log\n}\n');
      assert.deepEqual(described(lintStartup(fixed)), []);
    });

    it('removes a repeated option', () => {
      const text = 'create interface af_xdp host-if eth0 zero-copy zero-copy name xdp0\n';
      const { fixed } = fix('cli', text, 'vpp.duplicate-option', 'Remove `zero-copy`');
      assert.equal(fixed, 'create interface af_xdp host-if eth0 zero-copy name xdp0\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('removes the option that conflicts', () => {
      const { fixed } = fix('cli', 'create tap host-bridge br0 host-ip4-addr 10.0.0.1/24 gso\n', 'vpp.conflicting-options', 'Remove `host-ip4-addr 10.0.0.1/24`');
      assert.equal(fixed, 'create tap host-bridge br0 gso\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('removes an option the chosen release lacks', () => {
      const { fixed } = fix('cli', 'create tap id 0 if-name up0 gso\n', 'vpp.not-in-release', 'Remove `if-name up0`', { release: '25.06' });
      assert.equal(fixed, 'create tap id 0 gso\n');
      assert.deepEqual(described(lintScript(fixed, { release: '25.06' })), []);
    });

    it('removes a section that stops VPP in the chosen release', () => {
      const { fixed } = fix('startup', 'unix { nodaemon }\nheapsize 2G\nmemory { main-heap-size 2G }\n', 'vpp.fatal-in-release', 'Remove `heapsize 2G`', { release: '26.02' });
      assert.equal(fixed, 'unix { nodaemon }\n\nmemory { main-heap-size 2G }\n');
      assert.deepEqual(described(lintStartup(fixed, { release: '26.02' })), []);
    });

    it('rewrites `heapsize` as the `memory { main-heap-size }` VPP reads from 26.02, when there is no memory section yet', () => {
      const text = 'unix { nodaemon }\nheapsize 2G # main heap\n';
      const { result, action, fixed } = fix('startup', text, 'vpp.fatal-in-release', 'Change to `memory { main-heap-size 2G }`', { release: '26.06' });
      assertIsEdit(action, result.diagnostics[0]);
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'unix { nodaemon }\nmemory { main-heap-size 2G } # main heap\n');
      assert.deepEqual(described(lintStartup(fixed, { release: '26.06' })), []);
      // with a memory section already there, which size VPP would take is not ours to choose: removal only
      assert.deepEqual(actionsFor(result, result.diagnostics[0]).map((a) => a.title), ['Change to `memory { main-heap-size 2G }`', 'Remove `heapsize 2G`']);
      const withMemory = lintStartup(`${text}memory { main-heap-size 1G }\n`, { release: '26.06' });
      assert.deepEqual(actionsFor(withMemory, onlyDiagnostic(withMemory, 'vpp.fatal-in-release')).map((a) => a.title), ['Remove `heapsize 2G`']);
    });
  });

  describe('insert what is missing', () => {
    it('adds a required option with a placeholder at the end of the command', () => {
      const { action, fixed } = fix('cli', 'create interface af_xdp name xdp0\n', 'vpp.missing-required', 'Add `host-if enp1s0`');
      assertIsEdit(action);
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'create interface af_xdp name xdp0 host-if enp1s0\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('puts the option before a trailing comment', () => {
      const { fixed } = fix('cli', 'create vhost-user server # for vm0\n', 'vpp.missing-required', /^Add `socket /);
      assert.equal(fixed, 'create vhost-user server socket /run/vpp/vhost1.sock # for vm0\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('gives a startup.conf section without a value its `{ }`', () => {
      // only at the end of the file: before another section VPP would take that section's name as the value
      const { fixed } = fix('startup', 'cpu { main-core 1 }\nunix\n', 'vpp.missing-value', 'Add `{ }`');
      assert.equal(fixed, 'cpu { main-core 1 }\nunix { }\n');
      assert.deepEqual(described(lintStartup(fixed)), []);
    });
  });

  describe('join a script block written over several lines', () => {
    it('ends each line of the block with a backslash, and VPP then reads it as one command', () => {
      const text = 'packet-generator new {\n  name x\n  limit 1\n  node ethernet-input\n}\nshow interface\n';
      const { action, fixed } = fix('cli', text, 'vpp.unclosed-brace', /^Join /);
      assertIsEdit(action);
      assert.equal(fixed, 'packet-generator new { \\\n  name x \\\n  limit 1 \\\n  node ethernet-input \\\n}\nshow interface\n');
      assert.deepEqual(errorsOf(lintScript(fixed)), []);
    });

    it('leaves lines that already end with a backslash alone, nested blocks included', () => {
      const text = 'packet-generator new {\n  name pg0 \\\n  data {\n    IP4: 1.2.3 -> 4.5.6\n  }\n}\n';
      const { fixed } = fix('cli', text, 'vpp.unclosed-brace', /^Join /);
      assert.equal(fixed, 'packet-generator new { \\\n  name pg0 \\\n  data { \\\n    IP4: 1.2.3 -> 4.5.6 \\\n  } \\\n}\n');
      assert.deepEqual(errorsOf(lintScript(fixed)), []);
    });
  });

  describe('what gets no action', () => {
    it('a diagnostic without a fix, or one a client sent back without its data', () => {
      const result = lintScript('show af-packet interfaces\n');
      assert.deepEqual(actionsFor(result, result.diagnostics[0]), []);
      const stripped = lintScript('create interface af-xdp host-if eth0\n');
      const bare = { ...stripped.diagnostics[0], data: undefined };
      assert.deepEqual(computeCodeActions(stripped.analysis, URI, [bare]), []);
      assert.deepEqual(computeCodeActions(stripped.analysis, URI, [{ ...bare, code: 'other.tool' }]), []);
    });

    it('every action of a messy file is an edit that applies cleanly', () => {
      const text = 'create interface af-xdp host-if eth0\ncreate tap bogus host_if_name x host-bridge br0 host-ip4-addr 10.0.0.1/24\ncreate vhost-user server\nset int s tap0 up\n';
      const result = lintScript(text);
      const actions = computeCodeActions(result.analysis, URI, result.diagnostics);
      assert.ok(actions.length >= 6);
      for (const action of actions) {
        assertIsEdit(action);
        const fixed = applyWorkspaceEdit(text, action.edit);
        assert.notEqual(fixed, text, action.title);
        assert.ok(lintScript(fixed).diagnostics.length < result.diagnostics.length, `${action.title} fixes something`);
      }
      assert.ok(errorsOf(result).length >= 5);
    });
  });
});
