import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze } from '../server/src/analysis/analyze';
import { DIAGNOSTIC_CODES } from '../server/src/analysis/diagnostic';
import { pluginSwitches } from '../server/src/analysis/startupModel';
import { computeDiagnostics } from '../server/src/features/diagnostics';
import { described, errorsOf, lintScript, lintStartup, onlyDiagnostic, rangeText } from './lintHelpers';

/**
 * Our diagnostics must be as strict as VPP and no stricter. Every expectation here was checked
 * against VPP's own source (the CLI dispatcher in src/vlib/cli.c, each command's unformat loop,
 * the startup.conf readers in src/vpp/vnet/main.c and src/vlib/init.c); the comments name where.
 */

describe('diagnostics', () => {
  describe('one case per diagnostic code', () => {
    const seen = new Set<string>();
    const expectCode = (code: string, produced: string[]) => {
      seen.add(code);
      assert.ok(produced.some((d) => d.includes(` ${code} `)), `expected ${code}, got ${produced.join('; ')}`);
    };

    it('vpp.syntax: a startup.conf block without a section name', () => {
      // vlib_call_all_config_functions reads `%s %v`: `{` is not a section name
      const r = lintStartup('{ nodaemon }\n');
      expectCode('vpp.syntax', described(r));
      assert.deepEqual(described(r), ['error vpp.syntax [{]']);
    });

    it('vpp.unclosed-brace: a startup.conf block left open before the next section', () => {
      // the open block swallows `cpu { ... }`, and unix_config refuses `cpu`
      const r = lintStartup('unix {\n  nodaemon\ncpu { main-core 1 }\n');
      expectCode('vpp.unclosed-brace', described(r));
      const d = onlyDiagnostic(r, 'vpp.unclosed-brace');
      assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } });
    });

    it('vpp.unexpected-brace: a `}` that closes nothing, in either language', () => {
      expectCode('vpp.unexpected-brace', described(lintStartup('unix { nodaemon }\n}\n')));
      assert.deepEqual(described(lintScript('show interface\n}\n')), ['error vpp.unexpected-brace [}]']);
    });

    it('vpp.nesting-too-deep: braces nested beyond what we analyse', () => {
      const text = `unix ${'{'.repeat(205)} ${'}'.repeat(205)}\n`;
      const r = lintStartup(text);
      expectCode('vpp.nesting-too-deep', described(r));
      assert.equal(r.diagnostics.filter((d) => d.code === 'vpp.nesting-too-deep').length, 1);
    });

    it('vpp.file-too-large: an information on the first line, the rest not analysed', () => {
      const text = 'show interface\ncreate tap bogus\n';
      const r = lintScript(text, { maxFileSize: 10 });
      expectCode('vpp.file-too-large', described(r));
      const d = onlyDiagnostic(r, 'vpp.file-too-large');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.equal(rangeText(r, d), 'show interface');
      assert.deepEqual(errorsOf(r), []);
    });

    it('vpp.unknown-command: a command word VPP does not have', () => {
      const r = lintScript('create interface af-xdp host-if eth0\n');
      expectCode('vpp.unknown-command', described(r));
      assert.deepEqual(described(r), ['error vpp.unknown-command [af-xdp]']);
      assert.match(r.diagnostics[0].message, /`af_xdp`/);
    });

    it('vpp.ambiguous-command: an abbreviation matching several commands', () => {
      const r = lintScript('s int\n');
      expectCode('vpp.ambiguous-command', described(r));
      assert.deepEqual(described(r), ['error vpp.ambiguous-command [s]']);
      assert.match(r.diagnostics[0].message, /`set`/);
      assert.match(r.diagnostics[0].message, /`show`/);
    });

    it('vpp.unknown-option: a word the command loop does not accept', () => {
      // vhost_user_connect_command_fn has no rx-queue-size: "unknown input"
      const r = lintScript('create vhost-user socket /run/vpp/vm0.sock server rx-queue-size 1024\n');
      expectCode('vpp.unknown-option', described(r));
      assert.deepEqual(described(r), ['error vpp.unknown-option [rx-queue-size]']);
    });

    it('vpp.ignored-input: a word where a loop over its own line breaks, and what follows it, go unread without an error', () => {
      // pvti_interface_create_command_fn reads a line and ends its loop with `else break;`: VPP 26.06
      // created the interface for `... 1 1 bogus-option` and for `underlay-mtu abc` without a word
      const r = lintScript('pvti interface create peer 10.9.0.1 1 1 underly-mtu 1400 underlay-mtu abc\n');
      expectCode('vpp.ignored-input', described(r));
      assert.deepEqual(described(r), ['warning vpp.ignored-input [underly-mtu]']);
      assert.match(onlyDiagnostic(r, 'vpp.ignored-input').message, /Did you mean `underlay-mtu`\?/);
      assert.deepEqual(described(lintScript('pvti interface create peer 10.9.0.1 1 1 underlay-mtu abc\n')), ['warning vpp.ignored-input [underlay-mtu]']);
      assert.deepEqual(described(lintScript('pvti interface create peer 10.9.0.1 1 1 underlay-mtu 1400\n')), []);
    });

    it('vpp.unknown-option: where a loop over VPP\'s input breaks, VPP runs the rest as a command', () => {
      // ip_neighbor_cmd breaks on `statik` but reads VPP's input itself: vlib_cli_input dispatches
      // what is left, and VPP 26.06 said "unknown input `statik'"
      const r = lintScript('set ip neighbor loop0 10.0.0.2 de:ad:be:ef:00:01 statik\n');
      assert.deepEqual(described(r), ['error vpp.unknown-option [statik]']);
      assert.match(onlyDiagnostic(r, 'vpp.unknown-option').message, /command of its own.*Did you mean `static`\?/);
    });

    it('vpp.ignored-input: a command whose error VPP never shows, as the command above it runs on', () => {
      // VPP 24.10 and 26.06 accepted `igmp listen enable bogus-option`: `igmp` ran on what was left
      const d = onlyDiagnostic(lintScript('igmp listen enable bogus-option\n'), 'vpp.ignored-input');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /runs `igmp` on what is left/);
    });

    it('vpp.missing-required: af_xdp without host-if', () => {
      // af_xdp_create_if: "missing host interface"
      const r = lintScript('create interface af_xdp name xdp0\n');
      expectCode('vpp.missing-required', described(r));
      assert.deepEqual(described(r), ['error vpp.missing-required [create interface af_xdp]']);
    });

    it('vpp.missing-value: an option at the end of the line without its value', () => {
      // `id %u` fails to match, so the loop reports "unknown input `id'"
      const r = lintScript('create tap id\n');
      expectCode('vpp.missing-value', described(r));
      assert.deepEqual(described(r), ['error vpp.missing-value [id]']);
    });

    it('vpp.invalid-value: a value the option cannot parse', () => {
      const r = lintScript('create tap hw-addr 02:fe:00:00:00\n');
      expectCode('vpp.invalid-value', described(r));
      assert.deepEqual(described(r), ['error vpp.invalid-value [02:fe:00:00:00]']);
    });

    it('vpp.conflicting-options: host-bridge with a host address', () => {
      // tap_create_command_fn: "Please specify either host ip address or host bridge"
      const r = lintScript('create tap host-bridge br0 host-ip4-addr 10.0.0.1/24\n');
      expectCode('vpp.conflicting-options', described(r));
      assert.deepEqual(described(r), ['error vpp.conflicting-options [host-ip4-addr 10.0.0.1/24]']);
    });

    it('vpp.duplicate-option: an option given twice is a warning, not an error (VPP keeps the last)', () => {
      // every VPP argument loop retries all keywords on each pass, so a repeated one just overwrites
      const r = lintScript('create tap host-if-name vpp0 host-if-name vpp1\n');
      expectCode('vpp.duplicate-option', described(r));
      // the warning sits on the occurrence VPP ignores, so removing it keeps the line's meaning
      assert.deepEqual(described(r), ['warning vpp.duplicate-option [host-if-name vpp0]']);
    });

    it('vpp.not-in-release: a command removed in the chosen release', () => {
      const r = lintScript('set tap offload tap0 gso-enable\n', { release: '26.02' });
      expectCode('vpp.not-in-release', described(r));
    });

    it('vpp.unknown-section: a startup.conf section VPP does not register', () => {
      const r = lintStartup('unxi { nodaemon }\n');
      expectCode('vpp.unknown-section', described(r));
      assert.deepEqual(described(r), ['error vpp.unknown-section [unxi]']);
    });

    it('vpp.unknown-parameter: a word a strict section refuses', () => {
      const r = lintStartup('unix { nodaemn }\n');
      expectCode('vpp.unknown-parameter', described(r));
      assert.deepEqual(described(r), ['error vpp.unknown-parameter [nodaemn]']);
    });

    it('vpp.fatal-in-release: heapsize from 26.02', () => {
      const r = lintStartup('heapsize 2G\n', { release: '26.02' });
      expectCode('vpp.fatal-in-release', described(r));
    });

    it('vpp.plugin-disabled: a linux_cp command in a script', () => {
      const r = lintScript('lcp create GigabitEthernet0/8/0 host-if lcp0\n');
      expectCode('vpp.plugin-disabled', described(r));
      assert.deepEqual(described(r), ['warning vpp.plugin-disabled [lcp create]']);
    });

    it('vpp.linux-ifname-too-long: a host name the kernel cannot hold', () => {
      const r = lintScript('create tap host-if-name vpp-uplink-to-core\n');
      expectCode('vpp.linux-ifname-too-long', described(r));
    });

    it('vpp.deprecated: options VPP accepts and ignores', () => {
      // dpdk_config: clib_warning ("socket-mem argument is deprecated")
      const startup = lintStartup('dpdk { socket-mem 1024,1024 }\n');
      expectCode('vpp.deprecated', described(startup));
      assert.deepEqual(described(startup), ['warning vpp.deprecated [socket-mem]']);
      // af_packet_set_l4_cksum_offload is an empty function ("deprecated ...")
      assert.deepEqual(described(lintScript('set host-interface l4-cksum-offload host-vpp1 on\n')), ['warning vpp.deprecated [on]']);
    });

    it('vpp.unknown-release: a vpp-version comment naming a release we do not model', () => {
      const r = lintScript('# vpp-version: 19.08\nshow interface\n');
      expectCode('vpp.unknown-release', described(r));
      assert.deepEqual(described(r), ['warning vpp.unknown-release [19.08]']);
    });

    it('vpp.more-not-shown: a cascade of brace errors is one error and a notice', () => {
      const r = lintStartup(`unix { nodaemon }\n${'}'.repeat(100_000)}\ncpu { main-core 1 }\n}\n`);
      expectCode('vpp.more-not-shown', described(r));
      assert.deepEqual(described(r), ['error vpp.unexpected-brace [}]', 'information vpp.more-not-shown [}]', 'error vpp.unexpected-brace [}]']);
      assert.match(r.diagnostics[1].message, /^99999 more `\}` closing nothing/);
      // `{` left open, level after level
      const open = lintStartup(`unix {\n${'  {\n'.repeat(50)}`);
      assert.deepEqual(described(open).filter((d) => !d.includes('unknown-parameter') && !d.includes('syntax')), ['warning vpp.unclosed-brace [{]', 'information vpp.more-not-shown [{]']);
    });

    it('vpp.more-not-shown: past vpp.diagnostics.maxPerFile, one notice counts the rest', () => {
      const analysis = analyze('show interfaz\n'.repeat(5000), { language: 'cli' });
      const all = computeDiagnostics(analysis);
      assert.equal(all.length, 5000);
      const capped = computeDiagnostics(analysis, {}, [], 100);
      assert.equal(capped.length, 101);
      assert.deepEqual(capped.slice(0, 100), all.slice(0, 100));
      assert.equal(capped[100].code, 'vpp.more-not-shown');
      assert.equal(capped[100].range.start.line, 100);
      assert.match(capped[100].message, /^4900 more findings in this file are not shown \(setting `vpp.diagnostics.maxPerFile`: 100\)/);
      assert.deepEqual(computeDiagnostics(analysis, { 'more-not-shown': 'off' }, [], 100).length, 100);
    });

    // cross-line checks with their own tests: the interface model (interfaceChecks.ts) and the
    // check that a script named in startup.conf exists
    const TESTED_ELSEWHERE = new Set(['vpp.undefined-interface', 'vpp.duplicate-interface', 'vpp.use-before-create', 'vpp.missing-script']);

    it('covers every code the analysis can produce', () => {
      const missing = Object.keys(DIAGNOSTIC_CODES).filter((code) => !seen.has(code) && !TESTED_ELSEWHERE.has(code));
      assert.deepEqual(missing, []);
    });
  });

  describe('release boundaries', () => {
    it('tap became a plugin in 26.02 and lost `set tap offload`', () => {
      const text = 'set tap offload tap0 gso-enable\n';
      assert.deepEqual(described(lintScript(text, { release: '25.10' })), []);
      for (const release of ['26.02', '26.06'] as const) {
        const r = lintScript(text, { release });
        assert.equal(r.diagnostics.length, 1);
        assert.equal(r.diagnostics[0].severity, DiagnosticSeverity.Error);
        assert.equal(r.diagnostics[0].code, 'vpp.not-in-release');
        assert.match(r.diagnostics[0].message, /25\.10/);
      }
      // the rest of the tap CLI carries on in the plugin, which is loaded by default
      assert.deepEqual(described(lintScript('create tap id 0 host-if-name vpp0 gso\nshow tap tap0\ndelete tap tap0\n', { release: '26.02' })), []);
    });

    it('`create tap ... consistent-qp` from 25.02', () => {
      const text = 'create tap id 0 consistent-qp\n';
      assert.deepEqual(described(lintScript(text, { release: '24.10' })), ['error vpp.not-in-release [consistent-qp]']);
      for (const release of ['25.02', '25.10', '26.02', '26.06'] as const) assert.deepEqual(described(lintScript(text, { release })), [], release);
    });

    it('`create tap ... if-name` from 25.10', () => {
      const text = 'create tap id 0 if-name uplink\n';
      assert.deepEqual(described(lintScript(text, { release: '25.06' })), ['error vpp.not-in-release [if-name]']);
      for (const release of ['25.10', '26.02', '26.06'] as const) assert.deepEqual(described(lintScript(text, { release })), [], release);
    });

    it('a release message lists every release that has the option', () => {
      const r = lintScript('create tap if-name uplink\n', { release: '25.06' });
      assert.match(r.diagnostics[0].message, /25\.10, 26\.02, 26\.06/);
    });

    it('af_xdp `mac-reuse` only in 26.06', () => {
      const text = 'create interface af_xdp host-if eth0 mac-reuse\n';
      for (const release of ['25.10', '26.02'] as const) assert.deepEqual(described(lintScript(text, { release })), ['error vpp.not-in-release [mac-reuse]'], release);
      assert.deepEqual(described(lintScript(text, { release: '26.06' })), []);
    });

    it('`heapsize` is fine up to 25.10 and stops VPP from 26.02', () => {
      const text = 'heapsize 2G\nunix { nodaemon }\n';
      assert.deepEqual(described(lintStartup(text, { release: '25.10' })), []);
      const r = lintStartup(text, { release: '26.02' });
      assert.deepEqual(described(r), ['error vpp.fatal-in-release [heapsize]']);
      assert.match(r.diagnostics[0].message, /main-heap-size/);
    });

    it('the `tap { }` section is fine up to 25.10 and stops VPP from 26.02', () => {
      const text = 'tap { host-mtu 9000 }\n';
      assert.deepEqual(described(lintStartup(text, { release: '25.10' })), []);
      assert.deepEqual(described(lintStartup(text, { release: '26.02' })), ['error vpp.fatal-in-release [tap]']);
      assert.deepEqual(described(lintStartup(text, { release: '26.06' })), ['error vpp.fatal-in-release [tap]']);
    });

    it('`#` inside a startup.conf word is part of the word before 26.02 and a comment from 26.02', () => {
      // 25.10 splits the file into words and drops a line from a word that STARTS with `#`;
      // 26.02 drops everything from any `#` to the end of the line, here the closing `}`
      const text = 'unix { cli-prompt vpp# }\ncpu { main-core 1 }\n';
      assert.deepEqual(described(lintStartup(text, { release: '25.10' })), []);
      const modern = lintStartup(text, { release: '26.02' });
      assert.deepEqual(errorsOf(modern), ['error vpp.unclosed-brace [{]']);
      assert.equal(modern.diagnostics[0].range.start.line, 0);
      // a `#` that starts a word is a comment in both
      assert.deepEqual(described(lintStartup('unix {\n  nodaemon #interactive\n}\n', { release: '25.10' })), []);
      assert.deepEqual(described(lintStartup('unix {\n  nodaemon #interactive\n}\n', { release: '26.02' })), []);
    });
  });

  describe('the per-file `# vpp-version:` comment', () => {
    it('overrides the release setting in a script', () => {
      const r = lintScript('# vpp-version: 25.10\nset tap offload tap0 gso-enable\n', { release: '26.06' });
      assert.equal(r.analysis.release, '25.10');
      assert.deepEqual(described(r), []);
    });

    it('overrides the release setting in startup.conf', () => {
      const r = lintStartup('# vpp-version: 25.10\nheapsize 2G\n', { release: '26.06' });
      assert.equal(r.analysis.release, '25.10');
      assert.deepEqual(described(r), []);
    });

    it('decides how startup.conf reads `#`', () => {
      const text = '# vpp-version: 25.10\nunix { cli-prompt vpp# }\ncpu { main-core 1 }\n';
      assert.deepEqual(described(lintStartup(text, { release: '26.06' })), []);
    });

    it('warns about an unknown release and falls back to the setting', () => {
      const r = lintStartup('# vpp-version: 27.02\nheapsize 2G\n', { release: '25.10' });
      assert.equal(r.analysis.release, '25.10');
      assert.deepEqual(described(r), ['warning vpp.unknown-release [27.02]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 15 }, end: { line: 0, character: 20 } });
    });
  });

  describe('command words (VPP unique-prefix rule)', () => {
    it('accepts unique abbreviations', () => {
      const text = ['sh int', 'set int st tap0 up', 'loop cre', 'create int af_xdp host-if eth0', 'sh hardware-interfaces', 'create vhost socket /tmp/vm00.sock'].join('\n');
      assert.deepEqual(described(lintScript(text)), []);
    });

    it('refuses an ambiguous abbreviation and lists the candidates', () => {
      const r = lintScript('set int s tap0 up\n');
      assert.deepEqual(described(r), ['error vpp.ambiguous-command [s]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
      for (const candidate of ['state', 'span']) assert.match(r.diagnostics[0].message, new RegExp(`\`${candidate}\``));
    });

    it('treats case and `-` versus `_` as different words, suggesting the right one', () => {
      const dash = lintScript('create interface af-xdp host-if eth0\n');
      assert.deepEqual(dash.diagnostics[0].range, { start: { line: 0, character: 17 }, end: { line: 0, character: 23 } });
      assert.match(dash.diagnostics[0].message, /Did you mean `af_xdp`/);
      const upper = lintScript('SHOW interface\n');
      assert.deepEqual(described(upper), ['error vpp.unknown-command [SHOW]']);
      assert.match(upper.diagnostics[0].message, /`show`/);
      const option = lintScript('create tap host_if_name vpp0\n');
      assert.deepEqual(described(option), ['error vpp.unknown-option [host_if_name]']);
      assert.match(option.diagnostics[0].message, /`host-if-name`/);
      assert.deepEqual(described(lintScript('create tap HOST-IF-NAME vpp0\n')), ['error vpp.unknown-option [HOST-IF-NAME]']);
    });

    it('refuses a prefix that is not a command by itself', () => {
      assert.deepEqual(described(lintScript('create interface\n')), ['error vpp.unknown-command [interface]']);
      assert.deepEqual(described(lintScript('show\n')), ['error vpp.unknown-command [show]']);
    });

    it('names a nonexistent show command clearly', () => {
      const r = lintScript('show af-packet interfaces\n');
      assert.deepEqual(described(r), ['error vpp.unknown-command [af-packet]']);
      assert.match(r.diagnostics[0].message, /`show` has no sub-command `af-packet`/);
    });
  });

  describe('required options', () => {
    it('af_xdp needs host-if, even with nothing else on the line', () => {
      // unformat_af_xdp_create_if_args fails on an empty line, and the command reports "unknown input"
      assert.deepEqual(described(lintScript('create interface af_xdp\n')), ['error vpp.missing-required [create interface af_xdp]']);
    });

    it('vhost-user needs socket once any option is given', () => {
      // vhost_user_create_if returns VNET_API_ERROR_INVALID_ARGUMENT without sock_filename
      assert.deepEqual(described(lintScript('create vhost-user server\n')), ['error vpp.missing-required [create vhost-user]']);
    });

    it('host-interface needs name once any option is given', () => {
      // af_packet_create_command_fn: "missing host interface name"
      assert.deepEqual(described(lintScript('create host-interface v2\n')), ['error vpp.missing-required [create host-interface]']);
    });

    it('a bare `create vhost-user` or `create host-interface` does nothing and is not an error', () => {
      // both commands return 0 at once when unformat_line_input finds an empty line
      for (const text of ['create vhost-user\n', 'create host-interface\n']) assert.deepEqual(errorsOf(lintScript(text)), [], text);
    });

    it('does not ask for a required option a template may supply', () => {
      assert.deepEqual(described(lintScript('create host-interface ${HOST_IF_ARGS}\n')), []);
    });
  });

  describe('values', () => {
    it('prefix lengths VPP refuses: over 32 / 128 bits, and 0 for an interface address', () => {
      const text = 'create tap id 0\nset int ip address tap0 10.0.0.1/33\nset int ip address tap0 2001:db8::1/129\nset int ip address tap0 10.0.0.1/0\nip route add 2001:db8::/129 via 10.0.0.2\n';
      assert.deepEqual(described(lintScript(text)), [
        'error vpp.invalid-value [10.0.0.1/33]',
        'error vpp.invalid-value [2001:db8::1/129]',
        'error vpp.invalid-value [10.0.0.1/0]',
        'error vpp.invalid-value [2001:db8::/129]',
      ]);
      assert.match(lintScript(text).diagnostics[0].message, /at most 32 bits \(VPP answers "wrong length for interface"\)/);
      const fine = 'create tap id 0\nset int ip address tap0 10.0.0.1/32\nset int ip address tap0 2001:db8::1/128\nip route add 0.0.0.0/0 via 10.0.0.2\nip route add ::/0 via 2001:db8::1\n';
      assert.deepEqual(described(lintScript(fine)), []);
    });

    it('commands VPP removed say what replaced them: tap v1 and `set ip arp`', () => {
      const tap = onlyDiagnostic(lintScript('tap connect vpp0\n'), 'vpp.unknown-command');
      assert.match(tap.message, /tap v1, which VPP removed.*`create tap`/);
      assert.ok(!/Did you mean/.test(tap.message), tap.message);
      const arp = onlyDiagnostic(lintScript('set ip arp GigabitEthernet0/8/0 10.0.0.2 02:00:00:00:00:01\n'), 'vpp.unknown-command');
      assert.match(arp.message, /replaced by `set ip neighbor`/);
    });

    it('MAC addresses in both VPP notations', () => {
      assert.deepEqual(described(lintScript('create tap hw-addr 02:fe:00:00:00:01\ncreate tap hw-addr 02fe.0000.0001\n')), []);
      const r = lintScript('create tap hw-addr 02:fe:00:00:00:zz\n');
      assert.deepEqual(described(r), ['error vpp.invalid-value [02:fe:00:00:00:zz]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 19 }, end: { line: 0, character: 36 } });
    });

    it('IPv4 and IPv6 addresses with and without prefix length', () => {
      // `host-ip4-addr %U/%d`: the prefix length is part of the format
      assert.deepEqual(described(lintScript('create tap host-ip4-addr 10.0.0.1/24 host-ip4-gw 10.0.0.254 host-ip6-addr 2001:db8::1/64 host-ip6-gw 2001:db8::fe\n')), []);
      assert.deepEqual(described(lintScript('create tap host-ip4-addr 10.0.0.1\n')), ['error vpp.invalid-value [10.0.0.1]']);
      assert.deepEqual(described(lintScript('create tap host-ip4-addr 10.0.0.256/24\n')), ['error vpp.invalid-value [10.0.0.256/24]']);
      assert.deepEqual(described(lintScript('create tap host-ip4-gw 10.0.0.254/24\n')), ['error vpp.invalid-value [10.0.0.254/24]']);
      assert.deepEqual(described(lintScript('create tap host-ip6-addr 2001:db8::g/64\n')), ['error vpp.invalid-value [2001:db8::g/64]']);
      assert.deepEqual(described(lintScript('set interface ip address tap0 2001:db8::1/64\nset interface ip address tap0 10.0.0.1/24\n')), []);
    });

    it('integers', () => {
      assert.deepEqual(described(lintScript('create tap num-rx-queues two\n')), ['error vpp.invalid-value [two]']);
      assert.deepEqual(described(lintScript('create tap id 7 num-rx-queues 2 host-mtu-size 9000\n')), []);
    });

    it('ring and queue sizes must be powers of two (0 means the default)', () => {
      // tap_rxq_init / tap_tx_vring_init: "ring size must be power of 2", "32768 or lower"
      assert.deepEqual(described(lintScript('create tap rx-ring-size 1000\n')), ['error vpp.invalid-value [1000]']);
      assert.deepEqual(described(lintScript('create tap tx-ring-size 65536\n')), ['error vpp.invalid-value [65536]']);
      assert.deepEqual(described(lintScript('create tap rx-ring-size 0 tx-ring-size 1024\n')), []);
      // af_xdp_create_if: "queue size must be a power of two between 256 and 65535"
      assert.deepEqual(described(lintScript('create interface af_xdp host-if eth0 rx-queue-size 1000\n')), ['error vpp.invalid-value [1000]']);
      assert.deepEqual(described(lintScript('create interface af_xdp host-if eth0 rx-queue-size 4096 tx-queue-size 0\n')), []);
    });

    it('af_xdp queue sizes below 256 are refused (0 still means the default)', () => {
      // af_xdp_create_if: rxq_size < VLIB_FRAME_SIZE after 0 became the default of 512
      assert.deepEqual(described(lintScript('create interface af_xdp host-if eth0 rx-queue-size 128\n')), ['error vpp.invalid-value [128]']);
    });

    it('Linux interface names over 15 characters are a warning', () => {
      assert.deepEqual(described(lintScript('create tap host-if-name abcdefghijklmno\n')), []);
      const r = lintScript('create tap host-if-name abcdefghijklmnop\n');
      assert.deepEqual(described(r), ['warning vpp.linux-ifname-too-long [abcdefghijklmnop]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 24 }, end: { line: 0, character: 40 } });
      assert.deepEqual(described(lintScript('create host-interface name veth-to-the-core-router\n')), ['warning vpp.linux-ifname-too-long [veth-to-the-core-router]']);
    });

    it('af_xdp refuses a host-if over 15 characters outright', () => {
      // af_xdp_create_if: "host interface name too long" when the name reaches IFNAMSIZ
      const r = lintScript('create interface af_xdp host-if enp1s0f0np0-uplink\n');
      assert.equal(r.diagnostics.length, 1);
      assert.equal(rangeText(r, r.diagnostics[0]), 'enp1s0f0np0-uplink');
      assert.equal(r.diagnostics[0].severity, DiagnosticSeverity.Error);
    });
  });

  describe('conflicts and duplicates', () => {
    it('host-bridge with host-ip4-addr or host-ip6-addr', () => {
      assert.deepEqual(described(lintScript('create tap host-bridge br0 host-ip6-addr 2001:db8::1/64\n')), ['error vpp.conflicting-options [host-ip6-addr 2001:db8::1/64]']);
      assert.deepEqual(described(lintScript('create tap host-bridge br0 host-ip4-gw 10.0.0.1\n')), []);
    });

    it('a repeated flag is a warning on the occurrence VPP ignores', () => {
      const r = lintScript('create interface af_xdp host-if eth0 zero-copy zero-copy\n');
      assert.deepEqual(described(r), ['warning vpp.duplicate-option [zero-copy]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 37 }, end: { line: 0, character: 46 } });
    });
  });

  describe('startup.conf sections and parameters', () => {
    it('suggests the section or parameter meant', () => {
      const section = lintStartup('unxi { nodaemon }\n');
      assert.match(section.diagnostics[0].message, /Did you mean `unix`/);
      const param = lintStartup('unix {\n  nodaemn\n}\n');
      assert.match(param.diagnostics[0].message, /Did you mean `nodaemon`/);
      assert.deepEqual(param.diagnostics[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } });
    });

    it('refuses words an `ip` section does not read', () => {
      // ip_config (src/vnet/fib/ip4_fib.c) accepts only default-table-name
      assert.deepEqual(described(lintStartup('ip { heap-size 64M }\n')), ['error vpp.unknown-parameter [heap-size]']);
    });

    it('a section of a section-less release is not-in-release, not unknown', () => {
      assert.deepEqual(described(lintStartup('ip { default-table-name main }\n', { release: '24.02' })), ['error vpp.not-in-release [ip]']);
    });

    it('warns about linux-cp unless the plugins section enables linux_cp', () => {
      const section = 'linux-cp {\n  default netns dataplane\n  lcp-sync\n}\n';
      const r = lintStartup(section);
      assert.deepEqual(described(r), ['warning vpp.plugin-disabled [linux-cp]']);
      assert.deepEqual(described(lintStartup(`plugins { plugin linux_cp_plugin.so { enable } }\n${section}`)), []);
      assert.deepEqual(described(lintStartup(`${section}plugins {\n  plugin default { disable }\n  plugin linux_cp_plugin.so { enable }\n}\n`)), []);
      // a disabled plugin is not loaded, so vlib_call_all_config_functions does not know its section
      assert.deepEqual(described(lintStartup(`plugins { plugin linux_cp_plugin.so { disable } }\n${section}`)), ['error vpp.unknown-section [linux-cp]']);
    });

    it('a file with every kind of valid section gets nothing', () => {
      const text = [
        'unix { nodaemon cli-listen /run/vpp/cli.sock log /var/log/vpp/vpp.log full-coredump gid vpp }',
        'api-trace { on }',
        'socksvr { socket-name /run/vpp/api.sock }',
        'cpu { main-core 1 corelist-workers 2-3 }',
        'buffers { buffers-per-numa 128000 }',
        'memory { main-heap-size 2G }',
        'statseg { size 128M per-node-counters on }',
        'plugins { plugin default { disable } plugin dpdk_plugin.so { enable } }',
        'dpdk { dev 0000:02:00.0 { num-rx-queues 2 } }',
        'logging { default-log-level info }',
      ].join('\n');
      assert.deepEqual(described(lintStartup(`${text}\n`)), []);
    });
  });

  describe('startup.conf: what VPP does with the words its loops do not know', () => {
    // each read in VPP's source for every modelled release, 24.02 to 26.06, and run in VPP 26.06 and 24.10
    // built from source: `cpu { bogus-param 3 }`, `corelist-io 1` and, in 24.10, `relative 2` exit with
    // "no such thread type"; `cpu { main-core 0 bogus workers 2 }` and, in 24.10, `cpu { main-core 0 relative }`
    // start; a plugin named twice exits with "already configured"; `linux-cp { }` under `plugin default
    // { disable }` exits with "unknown input" unless linux_cp is enabled; `api-trace { nitems 5 on }` exits
    // with "unknown input", `on nitems 5` starts; `socksvr { default }` and `statseg { default }` start
    it('cpu: an unknown word with a count is a thread type VPP looks up, and stops on (cpu_config, src/vlib/threads.c)', () => {
      for (const release of ['24.02', '26.06'] as const) {
        const r = lintStartup('cpu { bogus-param 3 }\n', { release });
        assert.deepEqual(described(r), ['error vpp.unknown-parameter [bogus-param]']);
        assert.match(r.diagnostics[0].message, /no such thread type 3 'bogus-param'/);
      }
      const list = lintStartup('cpu { main-core 1 corelist-io 2-3 }\n');
      assert.deepEqual(described(list), ['error vpp.unknown-parameter [corelist-io]']);
      assert.match(list.diagnostics[0].message, /no such thread type 'io'/);
      assert.deepEqual(described(lintStartup('cpu { main-core 1 workers 2 }\n')), [], '`workers` is the thread type VPP registers');
    });

    it('cpu: any other unknown word ends the section, and VPP ignores the rest (a warning, never an error)', () => {
      const r = lintStartup('cpu { main-core 1 bogus workers 2 }\n');
      assert.deepEqual(described(r), ['warning vpp.unknown-parameter [bogus]']);
      assert.match(r.diagnostics[0].message, /ignores it and the rest of the section/);
    });

    it('cpu: a value VPP cannot read ends the section too, and VPP starts without the rest (a warning)', () => {
      // VPP 26.06 starts with each of these
      for (const text of ['cpu { main-core abc }', 'cpu { workers abc }', 'cpu { scheduler-policy bogus }']) {
        const r = lintStartup(`${text}\n`);
        assert.deepEqual(r.diagnostics.map((d) => `${d.severity === 2 ? 'warning' : 'not a warning'} ${d.code}`), ['warning vpp.invalid-value'], text);
        assert.match(r.diagnostics[0].message, /VPP stops reading `cpu` here and ignores the rest of the section/);
      }
      assert.deepEqual(described(lintStartup('cpu { main-core abc bogus-param 3 }\n')), ['warning vpp.invalid-value [abc]'], 'VPP never reads the thread type after it');
    });

    it('cpu: `relative` exists from 25.06; before, VPP ignores it and the rest of the section', () => {
      for (const release of ['25.06', '26.06'] as const) assert.deepEqual(described(lintStartup('cpu { main-core 1 relative }\n', { release })), []);
      for (const release of ['24.02', '24.10', '25.02'] as const) {
        const r = lintStartup('cpu { main-core 1 relative }\n', { release });
        assert.deepEqual(described(r), ['warning vpp.not-in-release [relative]'], release);
        assert.match(r.diagnostics[0].message, /exists in 25\.06, 25\.10, 26\.02, 26\.06/);
      }
      assert.deepEqual(described(lintStartup('cpu { relative 2 }\n', { release: '24.10' })), ['error vpp.unknown-parameter [relative]'], 'with a count it is a thread type');
    });

    it('plugins: a plugin configured twice stops VPP (config_one_plugin, src/vlib/unix/plugin.c)', () => {
      const text = 'plugins {\n  plugin dpdk_plugin.so { enable }\n  plugin dpdk_plugin.so { disable }\n}\n';
      const r = lintStartup(text);
      assert.deepEqual(described(r), ['error vpp.fatal-in-release [plugin dpdk_plugin.so]']);
      assert.equal(r.diagnostics[0].range.start.line, 2);
      assert.match(r.diagnostics[0].message, /plugin 'dpdk_plugin\.so' already configured/);
      assert.deepEqual(described(lintStartup('plugins { plugin dpdk_plugin.so { enable } }\nplugins { plugin dpdk_plugin.so { enable } }\n')), ['error vpp.fatal-in-release [plugin dpdk_plugin.so]'], 'sections are joined first');
      assert.deepEqual(described(lintStartup('plugins { plugin default { disable } plugin default { enable } }\n')), [], '`plugin default` has its own branch');
    });

    it('plugins: `plugin default { disable }` leaves dpdk unloaded unless it is enabled, and its section stops VPP', () => {
      const dpdk = 'dpdk { dev 0000:02:00.0 }\n';
      const r = lintStartup(`plugins { plugin default { disable } }\n${dpdk}`);
      assert.deepEqual(described(r), ['error vpp.unknown-section [dpdk]']);
      assert.match(r.diagnostics[0].message, /`plugin default \{ disable \}` in this file leaves unloaded/);
      assert.deepEqual(described(lintStartup(`plugins { plugin default { disable } plugin dpdk_plugin.so { skip-version-check } }\n${dpdk}`)), ['error vpp.unknown-section [dpdk]']);
      assert.deepEqual(described(lintStartup(`plugins { plugin default { disable } plugin dpdk_plugin.so { enable } }\n${dpdk}`)), []);
      assert.deepEqual(described(lintStartup(`plugins { plugin default { enable disable } }\n${dpdk}`)), [], 'VPP reads only the first word');
      assert.deepEqual(described(lintStartup(dpdk)), []);
    });

    it('api-trace: `nitems` only right after `on` or `enable` (api_trace_config_fn)', () => {
      assert.deepEqual(described(lintStartup('api-trace { on nitems 1024 }\n')), []);
      assert.deepEqual(described(lintStartup('api-trace { enable nitems 1024 save-api-table t }\n')), []);
      const r = lintStartup('api-trace { nitems 1024 on }\n');
      assert.deepEqual(described(r), ['error vpp.unknown-parameter [nitems]']);
      assert.match(r.diagnostics[0].message, /only in `on nitems`, `enable nitems`/);
    });

    it('dpdk: `enable-outer-checksum-offload` only right after `enable-tcp-udp-checksum` (dpdk_config)', () => {
      assert.deepEqual(described(lintStartup('dpdk { enable-tcp-udp-checksum enable-outer-checksum-offload }\n')), []);
      assert.deepEqual(described(lintStartup('dpdk { enable-tcp-udp-checksum }\n')), []);
      assert.deepEqual(described(lintStartup('dpdk { enable-outer-checksum-offload enable-tcp-udp-checksum }\n')), ['error vpp.unknown-parameter [enable-outer-checksum-offload]']);
    });

    it('socksvr and statseg: `default` is read and ignored (a deprecation warning, like socket-mem)', () => {
      for (const release of ['24.02', '26.06'] as const) {
        assert.deepEqual(described(lintStartup('socksvr { default }\nstatseg { default size 32M }\n', { release })), ['warning vpp.deprecated [default]', 'warning vpp.deprecated [default]']);
      }
    });
  });

  describe('suppression comments', () => {
    it('`disable-line` silences the named code on its own line only', () => {
      const r = lintScript('create tap bogus # vpp-lint: disable-line unknown-option\ncreate tap bogus\n');
      assert.deepEqual(described(r), ['error vpp.unknown-option [bogus]']);
      assert.equal(r.diagnostics[0].range.start.line, 1);
    });

    it('`disable-next-line` silences the line after the comment, with or without `vpp.`', () => {
      assert.deepEqual(described(lintScript('# vpp-lint: disable-next-line vpp.unknown-option\ncreate tap bogus\n')), []);
      assert.deepEqual(described(lintStartup('# vpp-lint: disable-next-line fatal-in-release\nheapsize 2G\n', { release: '26.02' })), []);
    });

    it('`disable-file` silences the named code on every line, in either language', () => {
      assert.deepEqual(described(lintScript('create tap bogus\n# vpp-lint: disable-file unknown-option\ncreate tap bogus2 rx-ring-size 1000\n')), ['error vpp.invalid-value [1000]']);
      assert.deepEqual(described(lintStartup('# vpp-lint: disable-file fatal-in-release\nheapsize 2G\ntap { }\n', { release: '26.02' })), []);
    });

    it('a suppression for another code leaves the diagnostic, one without codes silences all', () => {
      assert.deepEqual(described(lintScript('create tap bogus # vpp-lint: disable-line invalid-value\n')), ['error vpp.unknown-option [bogus]']);
      assert.deepEqual(described(lintScript('create tap bogus hw-addr x # vpp-lint: disable-line\n')), []);
    });
  });

  describe('severity settings', () => {
    it('change a code\'s severity or turn it off', () => {
      const text = 'lcp create GigabitEthernet0/8/0 host-if lcp0\ncreate tap bogus\n';
      const changed = lintScript(text, { overrides: { 'plugin-disabled': 'error', 'unknown-option': 'hint' } });
      assert.deepEqual(described(changed), ['error vpp.plugin-disabled [lcp create]', 'hint vpp.unknown-option [bogus]']);
      const off = lintScript(text, { overrides: { 'unknown-option': 'off' } });
      assert.deepEqual(described(off), ['warning vpp.plugin-disabled [lcp create]']);
    });

    it('carry the code without a `source`, so the Problems panel does not say `vpp(vpp.…)`', () => {
      const d = onlyDiagnostic(lintScript('create tap bogus\n'), 'vpp.unknown-option');
      assert.equal(d.code, 'vpp.unknown-option');
      assert.equal(d.source, undefined);
    });

    it('apply to startup.conf codes too', () => {
      const r = lintStartup('linux-cp { lcp-sync }\n', { overrides: { 'plugin-disabled': 'information' } });
      assert.deepEqual(described(r), ['information vpp.plugin-disabled [linux-cp]']);
      assert.deepEqual(described(lintStartup('linux-cp { lcp-sync }\n', { overrides: { 'plugin-disabled': 'off' } })), []);
    });
  });

  describe('templated configurations get no VPP errors', () => {
    it('scripts with shell, Go, printf and VPP macro placeholders', () => {
      const text = [
        'create tap id ${TAP_ID} host-if-name ${HOST_IF} host-ip4-addr ${HOST_ADDR}',
        'create host-interface name $(UPLINK)',
        'set interface ip address {{ .Iface }} {{ .Addr }}',
        'create interface af_xdp host-if %[1]s rx-queue-size %d',
        'create vhost-user socket %s server',
        'define INSIDE_SUBNET 10',
        'set interface ip address tap0 192.168.$(INSIDE_SUBNET).1/24',
        '$(FEATURE_NAT) { create host-interface name eth0 }',
        '$(FEATURE_A) { $(FEATURE_B) { show interface } }',
        '${VPP_EXTRA_COMMANDS}',
        'set interface state $$INTERFACE up',
        'create tap id $$TAP_ID$$ host-if-name vpp$$TAP_ID$$',
      ].join('\n');
      assert.deepEqual(described(lintScript(`${text}\n`)), []);
    });

    it('startup.conf with shell, Go, Jinja and printf placeholders', () => {
      const text = [
        '{% if vpp.unix %}',
        'unix {',
        '  cli-listen ${CLI_SOCKET}',
        '  {{ .UnixExtra }}',
        '}',
        '{% endif %}',
        '{# the cpu layout comes from the host #}',
        'cpu { main-core %d corelist-workers {{ workers }} }',
        'dpdk { dev {{ .PCI }} { num-rx-queues ${RXQ} } }',
        '${EXTRA_SECTIONS}',
      ].join('\n');
      assert.deepEqual(described(lintStartup(`${text}\n`)), []);
    });
  });

  describe('braces as VPP reads them', () => {
    // unformat_string (src/vppinfra/unformat.c) reads a `{` that is never closed up to the end of
    // its input and succeeds; in a script that input is one line, in startup.conf the whole file

    it('a script `{ ... }` block over several lines is an error on its `{`', () => {
      const r = lintScript('packet-generator new {\n  name x\n  limit 1\n}\nshow interface\n');
      assert.deepEqual(described(r), ['error vpp.unclosed-brace [{]']);
      assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 21 }, end: { line: 0, character: 22 } });
    });

    it('a `{` left open at the end of a script line is read to the end of that line', () => {
      assert.deepEqual(errorsOf(lintScript('comment { remember to add the uplink\n')), []);
    });

    it('a `{` never closed does not swallow the script lines after it', () => {
      assert.deepEqual(errorsOf(lintScript('comment { remember the uplink\nshow interface\n')), []);
      assert.deepEqual(errorsOf(lintScript('comment { remember the uplink\ncreate tap bogus\n')), ['error vpp.unknown-option [bogus]']);
    });

    it('a startup.conf block left open at the end of the file is read to the end', () => {
      assert.deepEqual(errorsOf(lintStartup('cpu { main-core 1 }\nunix {\n  nodaemon\n')), []);
    });
  });

  describe('robustness', () => {
    it('never throws, whatever the text', () => {
      const samples = ['', '\n', '{', '}', '{{{', '\\', '\\\n', '#', '$(', '${', '{{', 'create tap {', 'unix { { } }', '\r\n\r', 'show \u{1F600}'];
      for (const text of samples) {
        lintScript(text);
        lintStartup(text);
      }
    });
  });
});

describe('plugins enabled by the startup.conf that runs a script', () => {
  const lcp = 'lcp create GigabitEthernet0/8/0 host-if e0\n';
  const plugin = (switches?: ReadonlyMap<string, boolean>, source?: string) =>
    analyze(lcp, { language: 'cli', pluginSwitches: switches, pluginSource: source }).diagnostics.filter((d) => d.code === 'vpp.plugin-disabled');

  it('warns that linux_cp is disabled by default when no startup.conf is known', () => {
    assert.match(plugin()[0].message, /disables by default/);
  });

  it('says nothing when that startup.conf enables the plugin', () => {
    assert.deepEqual(plugin(new Map([['linux_cp', true]]), 'startup.conf'), []);
  });

  it('names the startup.conf when it disables the plugin', () => {
    assert.match(plugin(new Map([['linux_cp', false]]), 'startup.conf')[0].message, /startup\.conf disables/);
  });

  it('knows that `plugin default { disable }` leaves unloaded what it does not enable, even plugins on by default', () => {
    const switches = pluginSwitches(lintStartup('plugins { plugin default { disable } plugin dpdk_plugin.so { enable } }\n').analysis.startup!);
    const nat = analyze('nat44 add address 10.0.0.1\n', { language: 'cli', pluginSwitches: switches, pluginSource: 'startup.conf' });
    const found = nat.diagnostics.filter((d) => d.code === 'vpp.plugin-disabled');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /`plugin default \{ disable \}` in startup\.conf leaves unloaded/);
    assert.deepEqual(analyze('show version\n', { language: 'cli', pluginSwitches: switches }).diagnostics, [], 'core commands stay');
  });
});

describe('diagnostics: a startup.conf section whose braces hold only blanks', () => {
  const codesAndText = (l: ReturnType<typeof lintStartup>) => l.diagnostics.map((d) => `${d.code} ${rangeText(l, d)}`);
  it('is an error where VPP refuses it (a strict loop reads the blanks as unknown input)', () => {
    assert.deepEqual(codesAndText(lintStartup('tcp { }\n')), ['vpp.syntax { }']);
    assert.deepEqual(codesAndText(lintStartup('session {\n}\n')), ['vpp.syntax {\n}']);
  });

  it('is an error in a section of a plugin VPP disables by default, beside the warning that it needs enabling', () => {
    // VPP 26.06 with the plugin enabled: "fateshare_config: unknown input `'", "api_fuzz_config: unknown input ''"
    const enabled = 'plugins {\n  plugin fateshare_plugin.so { enable }\n  plugin unittest_plugin.so { enable }\n}\n';
    assert.deepEqual(codesAndText(lintStartup(`${enabled}fateshare { }\napi-fuzz { }\n`)), ['vpp.syntax { }', 'vpp.syntax { }']);
    assert.deepEqual(codesAndText(lintStartup('fateshare { }\n')), ['vpp.plugin-disabled fateshare', 'vpp.syntax { }']);
  });

  it('is no error written `{}`, with something inside, in a loop that skips blanks, or in a loose section', () => {
    for (const text of ['tcp {}\n', 'tcp { cc-algo cubic }\n', 'dsa { }\n', 'cpu { }\n']) assert.deepEqual(codesAndText(lintStartup(text)), [], text);
  });
});

describe('diagnostics: a malformed value in a section VPP reads with a loose loop', () => {
  it('is a warning, since VPP starts and ignores the rest of the block (cpu_config breaks out of its loop)', () => {
    const l = lintStartup('cpu { numa-heap-size lots }\n');
    assert.deepEqual(l.diagnostics.map((d) => [d.code, d.severity]), [['vpp.invalid-value', DiagnosticSeverity.Warning]]);
  });

  it('stays an error in a strict section', () => {
    const l = lintStartup('buffers { buffers-per-numa lots }\n');
    assert.deepEqual(l.diagnostics.map((d) => [d.code, d.severity]), [['vpp.invalid-value', DiagnosticSeverity.Error]]);
  });
});
