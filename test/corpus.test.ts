import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../server/src/analysis/analyze';
import { computeCodeActions } from '../server/src/features/codeActions';
import { errorsOf, lint, URI } from './lintHelpers';
import { CORPUS, skipWithoutCorpus } from './skipReasons';

/**
 * Real configuration written outside this project (see /work/shared/corpus/README.md), analysed
 * for the default release, 26.06, as the editor and the CLI linter do without a setting. A file
 * VPP accepts must get no error; every error we report is listed here with why VPP raises it.
 */

const FOLDERS: Record<string, Language> = { cli: 'cli', startup: 'startup' };

/** [file, code, offending text]. */
const EXPECTED_ERRORS: [string, string, string][] = [
  // a shell command (`service restart isc-dhcp-server`) pasted into a VPP script: no such command
  ['cli/FDio__vpp__docs__usecases__home_gateway.rst__setup.tmpl', 'vpp.unknown-command', 'service'],
  // a `packet-generator new {` block over 12 lines: VPP's exec runs each line on its own (unformat_vlib_cli_line)
  ['cli/FDio__vpp__extras__configs__nsim__setup.nsim', 'vpp.unclosed-brace', '{'],
  // `set ip arp` gave way to `set ip neighbor` (commit cbe25aab3be); 26.06 has no `set ip arp`
  ['cli/FDio__vpp__extras__configs__nsim__setup.nsim', 'vpp.unknown-command', 'arp'],
  // the same multi-line packet-generator block, with a nested `data {`
  ['cli/FDio__vpp__extras__configs__pcapcli__setup.tracefilter', 'vpp.unclosed-brace', '{'],
  // `ikev2 set logging level` was removed in 26.06 (commit 30eb2bbdacd, ikev2 logging moved to vlib_log)
  ['cli/FDio__vpp__extras__strongswan__configs__initiator__vpp.conf', 'vpp.not-in-release', 'logging'],
  // the old `vxlan tunnel ...` / `vxlan l2 ...` syntax; 26.06 has only `create vxlan tunnel`
  ['cli/FDio__vpp__src__scripts__vnet__leftpeer__leftpeer-vxlan.conf', 'vpp.unknown-command', 'vxlan'],
  ['cli/FDio__vpp__src__scripts__vnet__leftpeer__leftpeer-vxlan.conf', 'vpp.unknown-command', 'vxlan'],
  // `tap connect` belonged to the tap v1 driver, long removed; 26.06 has `create tap`
  ['cli/FDio__vpp__src__scripts__vnet__uri__tap_setup.cli', 'vpp.unknown-command', 'tap'],
  // `set wireguard` has only `async mode` upstream; there is no cipher choice, and create/peer are `wireguard create` / `wireguard peer add`
  ['cli/cwyang__vpp-tutorial__aes.cfg', 'vpp.unknown-command', 'cipher'],
  ['cli/cwyang__vpp-tutorial__aes.cfg', 'vpp.unknown-command', 'create'],
  ['cli/cwyang__vpp-tutorial__aes.cfg', 'vpp.unknown-command', 'peer'],
  // ip6_set_ioam_rewrite_command_fn stops at `dst_addr` in VPP's own input, which VPP then runs as a
  // command (26.06 refused the line); trace_profile_command_fn has no `namespace-id` (26.06: "unknown input")
  ['cli/network-analytics__vpp-srh-onpath-telemetry__dev_jbayaux_ioam__cfg_startup__setup.vpp1-ioam-jbayaux.cfg', 'vpp.unknown-option', 'dst_addr'],
  ['cli/network-analytics__vpp-srh-onpath-telemetry__dev_jbayaux_ioam__cfg_startup__setup.vpp1-ioam-jbayaux.cfg', 'vpp.unknown-option', 'namespace-id'],
  // `comment{` blocks over several lines: VPP runs the lines inside as commands and refuses the lone `}`
  ['cli/river8__gnxi__perf_testing__r440__vpp__startup.cfg', 'vpp.unclosed-brace', '{'],
  ['cli/river8__gnxi__perf_testing__r440__vpp__startup.cfg', 'vpp.unclosed-brace', '{'],
  // `set ip arp` again (see above)
  ['cli/river8__gnxi__perf_testing__r740__vpp__startup.cfg.1nic.l2.gre.transport.gcm256.r740.r740.tap.ovs', 'vpp.unknown-command', 'arp'],
  // the documentation's placeholder line `etc.` inside dpdk { }: dpdk_config stops with "unknown input"
  ['startup/FDio__vpp__docs__usecases__home_gateway.rst__startup.conf', 'vpp.unknown-parameter', 'etc.'],
  // no `heapsize` config function from 26.02 (src/vpp/vnet/main.c), so vlib_call_all_config_functions refuses it
  ['startup/FDio__vpp__extras__scripts__host-stack__http-speed-test__speed_test_startup_conf', 'vpp.fatal-in-release', 'heapsize'],
  ['startup/cwyang__vpp-tutorial__vpp1.conf', 'vpp.fatal-in-release', 'heapsize'],
  // ip_config (src/vnet/fib/ip4_fib.c) reads only default-table-name
  ['startup/ligato__vpp-agent__tests__perf__grpc-perf__vpp.conf', 'vpp.unknown-parameter', 'heap-size'],
  // the file is a shell heredoc (`cat > vpp_nat.conf <<EOF` ... `EOF`): its wrapper words are no sections
  ['startup/ligato__vpp-agent__tests__robot__resources__vpp_nat.conf', 'vpp.unknown-section', 'cat'],
  ['startup/ligato__vpp-agent__tests__robot__resources__vpp_nat.conf', 'vpp.unknown-section', 'vpp_nat.conf'],
  // no plugin registers a `nat` section in 26.06 (nat44-ed is configured through the CLI/API)
  ['startup/ligato__vpp-agent__tests__robot__resources__vpp_nat.conf', 'vpp.unknown-section', 'nat'],
  ['startup/ligato__vpp-agent__tests__robot__resources__vpp_nat.conf', 'vpp.unknown-section', 'EOF'],
  // upstream ip_config has no no-class-e-drop (SONiC builds a patched VPP)
  ['startup/sonic-net__sonic-platform-vpp__docker-sonic-vpp__conf__startup.conf.tmpl', 'vpp.unknown-parameter', 'no-class-e-drop'],
];

function corpusFiles(): { file: string; language: Language; text: string }[] {
  const out: { file: string; language: Language; text: string }[] = [];
  for (const [folder, language] of Object.entries(FOLDERS)) {
    const dir = join(CORPUS, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) out.push({ file: `${folder}/${name}`, language, text: readFileSync(join(dir, name), 'utf8') });
  }
  return out;
}

const key = ([file, code, text]: [string, string, string]) => `${file} ${code} [${text}]`;

describe('corpus of real configurations', function () {
  it('analyses every file without throwing, quick fixes included', function () {
    skipWithoutCorpus(this);
    const files = corpusFiles();
    assert.ok(files.length > 40);
    for (const { file, language, text } of files) {
      try {
        const result = lint(text, language);
        computeCodeActions(result.analysis, URI, result.diagnostics);
      } catch (e) {
        assert.fail(`${file}: ${(e as Error).stack}`);
      }
    }
  });

  it('reports exactly the errors VPP would raise', function () {
    skipWithoutCorpus(this);
    const actual: string[] = [];
    for (const { file, language, text } of corpusFiles()) {
      for (const error of errorsOf(lint(text, language))) {
        const [, code, covered] = /^error (\S+) \[([^]*)\]$/.exec(error)!;
        actual.push(key([file, code, covered]));
      }
    }
    assert.deepEqual(actual.sort(), EXPECTED_ERRORS.map(key).sort());
  });
});
