import { strict as assert } from 'node:assert';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { computeCodeActions, FIX_ALL_KIND } from '../server/src/features/codeActions';
import { pluginSwitches } from '../server/src/analysis/startupModel';
import { analyzeStartup } from './helpers';
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
      assert.deepEqual(actions.map((a) => a.title), ['Change to `secondary-mac-address`', 'Change to `span`', 'Change to `state`', 'Disable `vpp.ambiguous-command` for this line']);
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
      assert.deepEqual(actionsFor(result, result.diagnostics[0]).map((a) => a.title), ['Change to `memory { main-heap-size 2G }`', 'Remove `heapsize 2G`', 'Disable `vpp.fatal-in-release` for this line']);
      const withMemory = lintStartup(`${text}memory { main-heap-size 1G }\n`, { release: '26.06' });
      assert.deepEqual(actionsFor(withMemory, onlyDiagnostic(withMemory, 'vpp.fatal-in-release')).map((a) => a.title), ['Remove `heapsize 2G`', 'Disable `vpp.fatal-in-release` for this line']);
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

    it('gives a startup.conf section without a value its `{}` (VPP refuses `unix { }`, blanks inside)', () => {
      // only at the end of the file: before another section VPP would take that section's name as the value
      const { fixed } = fix('startup', 'cpu { main-core 1 }\nunix\n', 'vpp.missing-value', 'Add `{}`');
      assert.equal(fixed, 'cpu { main-core 1 }\nunix {}\n');
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
    it('a diagnostic without a fix (but its suppression), or another tool\'s', () => {
      const result = lintScript('show af-packet interfaces\n');
      assert.deepEqual(actionsFor(result, result.diagnostics[0]).map((a) => a.title), [`Disable \`${result.diagnostics[0].code}\` for this line`]);
      const typo = lintScript('create interface af-xdp host-if eth0\n');
      assert.deepEqual(computeCodeActions(typo.analysis, URI, [{ ...typo.diagnostics[0], code: 'other.tool' }]), []);
    });

    it('a diagnostic of an older text: the fix is recomputed from the text now, not read from the data sent back', () => {
      const before = lintScript('create tap id 0 bogus-option\n');
      const stale = before.diagnostics.find((d) => d.code === 'vpp.unknown-option')!;
      assert.ok(actionsFor(before, stale).some((a) => a.title.startsWith('Remove')));
      // the user typed `xx ` at the line start before new diagnostics arrived
      const now = lintScript('xx create tap id 0 bogus-option\n');
      assert.deepEqual(computeCodeActions(now.analysis, URI, [stale]).filter((a) => !a.title.startsWith('Disable ')), []);
      // data a client sent back (or made up) is not obeyed: the fix comes from the analysis
      const current = lintScript('create tap id 0 bogus-option\n');
      const forged = { ...stale, data: { fixes: [{ kind: 'remove', start: 0, end: 10 }] } };
      const edits = computeCodeActions(current.analysis, URI, [forged]).filter((a) => !a.title.startsWith('Disable ')).flatMap((a) => a.edit!.changes![URI]);
      assert.ok(edits.length > 0);
      for (const e of edits) assert.equal(e.range.start.character >= 'create tap id 0'.length, true, JSON.stringify(e));
      // and a client that sent it back without its data still gets the fix
      const view = (actions: { title: string; edit?: unknown }[]) => actions.map((a) => [a.title, a.edit]);
      assert.deepEqual(view(computeCodeActions(current.analysis, URI, [{ ...stale, data: undefined }])), view(actionsFor(current, stale)));
    });

    it('every action of a messy file is an edit that applies cleanly', () => {
      const text = 'create interface af-xdp host-if eth0\ncreate tap bogus host_if_name x host-bridge br0 host-ip4-addr 10.0.0.1/24\ncreate vhost-user server\nset int s tap0 up\n';
      const result = lintScript(text);
      const actions = computeCodeActions(result.analysis, URI, result.diagnostics);
      assert.ok(actions.length >= 6);
      // each action takes away the finding it is for; the line it leaves may have findings of its
      // own (`set int s` changed to `secondary-mac-address` then lacks its MAC address, as VPP says)
      const count = (t: string, code: unknown) => lintScript(t).diagnostics.filter((d) => d.code === code).length;
      for (const d of result.diagnostics) {
        for (const action of computeCodeActions(result.analysis, URI, [d])) {
          assertIsEdit(action);
          const fixed = applyWorkspaceEdit(text, action.edit);
          assert.notEqual(fixed, text, action.title);
          assert.ok(count(fixed, d.code) < count(text, d.code), `${action.title} fixes its \`${String(d.code)}\``);
        }
      }
      assert.ok(errorsOf(result).length >= 5);
    });
  });

  describe('the nearest valid value', () => {
    it('changes a mistyped state to `up`, not a placeholder', () => {
      const text = 'create tap id 0\nset interface state tap0 upp\n';
      const { action, fixed } = fix('cli', text, 'vpp.unknown-option', 'Change to `up`');
      assertIsEdit(action);
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'create tap id 0\nset interface state tap0 up\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('changes a startup.conf enum value to the nearest ones, closest first', () => {
      const text = 'logging {\n  default-log-level warnn\n}\n';
      const result = lintStartup(text);
      const titles = actionsFor(result, onlyDiagnostic(result, 'vpp.invalid-value')).map((a) => a.title);
      assert.equal(titles[0], 'Change to `warn`');
      const { fixed } = fix('startup', text, 'vpp.invalid-value', 'Change to `warn`');
      assert.deepEqual(described(lintStartup(fixed)), []);
    });

    it('changes a ring size that is no power of two to the nearest powers of two', () => {
      const text = 'create tap id 0 rx-ring-size 1000\n';
      const result = lintScript(text);
      const actions = actionsFor(result, onlyDiagnostic(result, 'vpp.invalid-value'));
      assert.deepEqual(actions.slice(0, 2).map((a) => a.title), ['Change to `1024`', 'Change to `512`']);
      assert.equal(actions[0].isPreferred, true);
      assert.equal(applyWorkspaceEdit(text, actions[0].edit), 'create tap id 0 rx-ring-size 1024\n');
      assert.equal(applyWorkspaceEdit(text, actions[1].edit), 'create tap id 0 rx-ring-size 512\n');
      assert.deepEqual(described(lintScript(applyWorkspaceEdit(text, actions[1].edit))), []);
      assert.equal(fix('cli', 'create tap id 0 rx-ring-size 600\n', 'vpp.invalid-value', 'Change to `512`').action.isPreferred, true, '600 is nearer 512');
    });
  });

  describe('a removed command', () => {
    it('`set ip arp` becomes `set ip neighbor`, with the same arguments', () => {
      const text = 'set ip arp GigabitEthernet0/8/0 10.0.0.2 02:00:00:00:00:01\n';
      const { action, fixed } = fix('cli', text, 'vpp.unknown-command', 'Change to `neighbor`');
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'set ip neighbor GigabitEthernet0/8/0 10.0.0.2 02:00:00:00:00:01\n');
      assert.deepEqual(errorsOf(lintScript(fixed)), []);
    });
  });

  describe('heapsize moves to memory { main-heap-size }', () => {
    const release = '26.06' as const;
    it('in place of `heapsize` when there is no memory block', () => {
      // the analysis's rewrite stands for the move here (the one `vpp-lint --fix` applies)
      const { action, fixed } = fix('startup', 'unix { nodaemon }\nheapsize 2G # big\n', 'vpp.fatal-in-release', 'Change to `memory { main-heap-size 2G }`', { release });
      assert.equal(action.isPreferred, true);
      assert.equal(fixed, 'unix { nodaemon }\nmemory { main-heap-size 2G } # big\n');
      assert.deepEqual(described(lintStartup(fixed, { release })), []);
    });

    it('into the memory block the file has, one line or several', () => {
      const several = fix('startup', 'heapsize 2G\nmemory {\n  main-heap-page-size 2M\n}\n', 'vpp.fatal-in-release', /^Move to /, { release });
      assert.equal(several.fixed, 'memory {\n  main-heap-page-size 2M\n  main-heap-size 2G\n}\n');
      assert.deepEqual(described(lintStartup(several.fixed, { release })), []);
      const one = fix('startup', 'memory { main-heap-page-size 2M }\nheapsize 1G\n', 'vpp.fatal-in-release', /^Move to /, { release });
      assert.equal(one.fixed, 'memory { main-heap-page-size 2M main-heap-size 1G }\n');
      assert.deepEqual(described(lintStartup(one.fixed, { release })), []);
    });

    it('not when the memory block sets the heap size already: removing `heapsize` is the fix', () => {
      const result = lintStartup('memory { main-heap-size 1G }\nheapsize 2G\n', { release });
      const titles = actionsFor(result, onlyDiagnostic(result, 'vpp.fatal-in-release')).map((a) => a.title);
      assert.ok(titles.includes('Remove `heapsize 2G`') && !titles.some((t) => t.startsWith('Move')), titles.join(', '));
    });
  });

  describe('a plugin VPP disables by default', () => {
    const STARTUP_URI = 'file:///etc/vpp/startup.conf';
    const script = 'lcp create GigabitEthernet0/8/0 host-if lcp0\n';
    const enableIn = (startup: string) => {
      const result = lintScript(script);
      const d = onlyDiagnostic(result, 'vpp.plugin-disabled');
      const linkedStartup = { uri: STARTUP_URI, analysis: analyzeStartup(startup) };
      const actions = computeCodeActions(result.analysis, URI, [d], { linkedStartup });
      const enable = actions.find((a) => a.title === 'Enable linux_cp in startup.conf');
      assert.ok(enable, actions.map((a) => a.title).join(', '));
      assert.equal(enable.isPreferred, true);
      assert.deepEqual(Object.keys(enable.edit!.changes!), [STARTUP_URI], 'edits startup.conf, not the script');
      const fixed = applyWorkspaceEdit(startup, enable.edit, STARTUP_URI);
      assert.equal(pluginSwitches(analyzeStartup(fixed).startup!).get('linux_cp'), true, fixed);
      return fixed;
    };

    it('enables it in the startup.conf that runs the script: a new plugins block, a line in the block, or `disable` made `enable`', () => {
      assert.equal(enableIn('unix { nodaemon }\n'), 'unix { nodaemon }\nplugins {\n  plugin linux_cp_plugin.so { enable }\n}\n');
      assert.equal(enableIn('plugins {\n  plugin dpdk_plugin.so { disable }\n}\n'), 'plugins {\n  plugin dpdk_plugin.so { disable }\n  plugin linux_cp_plugin.so { enable }\n}\n');
      assert.equal(enableIn('plugins { plugin linux_cp_plugin.so { disable } }\n'), 'plugins { plugin linux_cp_plugin.so { enable } }\n');
    });

    it('enables it in the startup.conf itself', () => {
      const { fixed } = fix('startup', 'linux-cp { lcp-sync }\n', 'vpp.plugin-disabled', 'Enable linux_cp in config');
      assert.deepEqual(described(lintStartup(fixed)), []);
    });

    it('suppresses the warning for the script when its startup.conf is elsewhere', () => {
      const { action, fixed } = fix('cli', script, 'vpp.plugin-disabled', 'Suppress `vpp.plugin-disabled` for this file');
      assertIsEdit(action);
      assert.equal(fixed, `# vpp-lint: disable-file plugin-disabled\n${script}`);
      assert.deepEqual(described(lintScript(`${fixed}lcp create GigabitEthernet0/9/0 host-if lcp1\n`)), []);
    });
  });

  describe('a duplicate option', () => {
    it('removes the first, the one VPP ignores', () => {
      const { fixed } = fix('cli', 'create tap id 0 host-if-name a host-if-name b\n', 'vpp.duplicate-option', 'Remove `host-if-name a`');
      assert.equal(fixed, 'create tap id 0 host-if-name b\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });
  });

  describe('disable a code for one line', () => {
    it('is offered on every diagnostic, and silences that one only', () => {
      const text = 'create interface af-xdp host-if eth0\ncreate tap bogus\nset interface state tap0 upp\nheapsize 2G\n';
      const result = lintScript(text);
      assert.ok(result.diagnostics.length >= 3);
      for (const d of result.diagnostics) {
        const action = actionsFor(result, d).find((a) => a.title === `Disable \`${d.code}\` for this line`);
        assert.ok(action, `${d.code}: no disable action`);
        assertIsEdit(action);
        const after = lintScript(applyWorkspaceEdit(text, action.edit));
        assert.equal(after.diagnostics.length, result.diagnostics.length - 1, `${d.code} silenced alone`);
      }
    });

    it('adds the code to a disable-line comment, puts it above a line with another comment, and leaves continued lines alone', () => {
      const both = 'create tap bogus rx-ring-size 1000 # vpp-lint: disable-line unknown-option\n';
      assert.equal(fix('cli', both, 'vpp.invalid-value', 'Disable `vpp.invalid-value` for this line').fixed, 'create tap bogus rx-ring-size 1000 # vpp-lint: disable-line unknown-option invalid-value\n');
      const noted = '  create tap bogus # uplink\n';
      const above = fix('cli', noted, 'vpp.unknown-option', 'Disable `vpp.unknown-option` for this line').fixed;
      assert.equal(above, '  # vpp-lint: disable-next-line unknown-option\n  create tap bogus # uplink\n');
      assert.deepEqual(described(lintScript(above)), []);
      const continued = lintScript('create tap \\\n  bogus\n');
      assert.ok(!actionsFor(continued, onlyDiagnostic(continued, 'vpp.unknown-option')).some((a) => a.title.startsWith('Disable ')));
    });

    it('works in startup.conf', () => {
      const { fixed } = fix('startup', 'unix {\n  nodaemn\n}\n', 'vpp.unknown-parameter', 'Disable `vpp.unknown-parameter` for this line');
      assert.equal(fixed, 'unix {\n  nodaemn # vpp-lint: disable-line unknown-parameter\n}\n');
      assert.deepEqual(described(lintStartup(fixed)), []);
    });
  });

  describe('fix all', () => {
    const text = 'create interface af-xdp host-if eth0 name a0\ncreate interface af-xdp host-if eth1 name a1\ncreate tap id 0 rx-ring-size 1000\n';

    it('of one code in the file, offered with each of them', () => {
      const result = lintScript(text);
      const d = result.diagnostics.find((x) => x.code === 'vpp.unknown-command')!;
      const all = actionsFor(result, d).find((a) => a.title === 'Fix all `vpp.unknown-command` in the file');
      assert.ok(all);
      assertIsEdit(all);
      assert.equal(applyWorkspaceEdit(text, all.edit), text.replace(/af-xdp/g, 'af_xdp'));
      const single = lintScript('create tap id 0 rx-ring-size 1000\n');
      assert.ok(!actionsFor(single, single.diagnostics[0]).some((a) => a.title.startsWith('Fix all')), 'not for a single one');
    });

    it('of the whole file as source.fixAll.vpp, each preferred fix once', () => {
      const result = lintScript(text);
      const actions = computeCodeActions(result.analysis, URI, [], { only: ['source.fixAll'] });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, FIX_ALL_KIND);
      const fixed = applyWorkspaceEdit(text, actions[0].edit);
      assert.equal(fixed, 'create interface af_xdp host-if eth0 name a0\ncreate interface af_xdp host-if eth1 name a1\ncreate tap id 0 rx-ring-size 1024\n');
      assert.deepEqual(described(lintScript(fixed)), []);
      assert.deepEqual(computeCodeActions(result.analysis, URI, result.diagnostics, { only: ['source.organizeImports'] }), []);
      assert.ok(!computeCodeActions(result.analysis, URI, result.diagnostics).some((a) => a.kind === FIX_ALL_KIND), 'only when asked for');
    });
  });
});
