import assert from 'node:assert/strict';
import { casesFor, formsOf, shortestPath } from '../tools/vpp-referee/cases';
import { matchSubCommands } from '../server/src/analysis/cliModel';
import { schemaFor } from '../server/src/schema/index';
import { described, lineErrors, lintScript } from './lintHelpers';

describe('referee: the lines asked of VPP', () => {
  const schema = schemaFor('26.06');

  it('cuts every command word to the shortest prefix that still resolves to it', () => {
    let cut = 0;
    for (const spec of schema.commands.values()) {
      const short = shortestPath(spec.path, schema.root);
      assert.ok(short, spec.path);
      let node = schema.root;
      for (const word of short.split(' ')) {
        const found = matchSubCommands(node, word);
        assert.equal(found.length, 1, `${short} (${spec.path}) at ${word}`);
        node = found[0];
      }
      assert.equal(node.path, spec.path);
      if (short.length < spec.path.length) cut++;
    }
    assert.ok(cut > 500, `${cut} paths cut`);
  });

  it('gives each line with arguments in braces and continued before its last word', () => {
    const spec = schema.commands.get('create loopback interface')!;
    const forms = formsOf(spec, casesFor(spec), schema.root);
    assert.ok(forms.includes('create loopback interface { mac 02:fe:00:00:00:01 }'), forms.join('\n'));
    assert.ok(forms.includes('create loopback interface mac \\\n  02:fe:00:00:00:01'), forms.join('\n'));
    assert.ok(forms.some((f) => f.startsWith('cr lo')), forms.join('\n'));
  });

  it('asks a command that reads no arguments with a command and a word after it', () => {
    const spec = schema.commands.get('clear errors')!;
    assert.equal(spec.readsNoArgs, true);
    const forms = formsOf(spec, casesFor(spec), schema.root);
    assert.ok(forms.includes('clear errors bogus-word'));
    assert.deepEqual(described(lintScript('clear errors bogus-word\n', { release: '26.06' })), ['error vpp.unknown-option [bogus-word]']);
  });
});

describe('arguments in a { } block', () => {
  it('drops what a function leaves unread there, where the same words on the line run as the next command', () => {
    // VPP hands the function the block's text and frees it afterwards (unformat_vlib_cli_sub_input)
    const stop = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => /unknown-option|ignored-input/.test(d));
    assert.deepEqual(stop('set ip neighbor { flush bogus-word }'), ['warning vpp.ignored-input [bogus-word]']);
    assert.deepEqual(stop('set ip neighbor flush bogus-word'), ['error vpp.unknown-option [bogus-word]']);
  });
});

describe('hand-written commands whose VPP function reads its words once', () => {
  const found = (text: string) => described(lintScript(`${text}\n`, { release: '26.06' })).filter((d) => !d.startsWith('hint'));

  it('drops the words left in a { } block (VPP 26.06 accepted these), and keeps the error on the line itself', () => {
    // create_simulated_ethernet_interfaces breaks out of its loop at a word it does not know
    assert.deepEqual(found('create loopback interface { bogus-option }'), ['warning vpp.ignored-input [bogus-option]']);
    assert.deepEqual(found('create loopback interface { instance abc }'), ['warning vpp.ignored-input [instance]']);
    // mtu_cmd reads `%d %U` and returns
    assert.deepEqual(found('set interface mtu { 9000 loop0 packet }'), ['warning vpp.ignored-input [packet]']);
    assert.deepEqual(found('set interface l2 bridge { loop0 10 vbi }'), ['warning vpp.ignored-input [vbi]']);
    // outside braces the word stays in VPP's input and runs as a command: "unknown input"
    assert.deepEqual(found('create loopback interface bogus-option'), ['error vpp.unknown-option [bogus-option]']);
  });

  it('still refuses a sequence that fails at a required value (VPP 26.06: "unknown interface `up loop0\'")', () => {
    assert.ok(found('set interface state { up loop0 }').some((d) => d.startsWith('error')));
    assert.deepEqual(found('set interface state { loop0 up bogus-option }'), ['warning vpp.ignored-input [bogus-option]']);
  });
});

describe('new reader rules of 2026-12-06, as VPP 26.06 (a Debug build) answered them through vppctl exec', () => {

  it('refuses what VPP refused', () => {
    // "ip punt redirect: parse error `via 10.9.0.2 loop1 rx loop0'": the path reads to the end of the line
    assert.deepEqual(lineErrors('ip punt redirect add via 10.9.0.2 loop1 rx loop0'), ['error vpp.unknown-option [rx]']);
    // "ip route: parse error `via 10.9.0.2 loop0 table 0'"
    assert.deepEqual(lineErrors('ip route add 198.51.100.0/24 via 10.9.0.2 loop0 table 0'), ['error vpp.unknown-option [table]']);
    // "udp encap: specify some IP addresses"; "vrrp vr add: Please specify an interface..."
    assert.equal(lineErrors('udp encap add').length, 1);
    assert.equal(lineErrors('vrrp vr add vr_id 1').length, 1);
    // "set sr encaps hop-limit: Value out of range [1-255]"; "mac aging time cannot be bigger than 255"
    assert.deepEqual(lineErrors('set sr encaps hop-limit 0'), ['error vpp.invalid-value [0]']);
    assert.deepEqual(lineErrors('set bridge-domain mac-age 1 256'), ['error vpp.invalid-value [256]']);
    // "ip table: Can't change the default table"
    assert.deepEqual(lineErrors('ip table add 0'), ['error vpp.invalid-value [0]']);
    // "set nat workers: expected required argument(s)"; "please specify the valid rss queues"
    assert.equal(lineErrors('set nat workers').length, 1);
    assert.equal(lineErrors('set interface rss queues loop0').length, 1);
  });

  it('reports no error on what VPP accepted', () => {
    for (const line of [
      'ip punt redirect add rx loop0 via 10.9.0.2 loop1',
      'ip route add 198.51.100.0/24 via 10.9.0.2 loop0',
      'ip table add 5',
      'delete teib',
      'mpls local-label',
      'set sr encaps hop-limit 255',
      'set bridge-domain mac-age 1 255',
    ])
      assert.deepEqual(lineErrors(line), [], line);
  });
});

describe('words read as an interface that VPP refused even once an interface bore the first (VPP 26.06, Debug build, vppctl exec)', () => {
  it('reads no colon MAC address as an interface name (set interface l2 pbb-tag-rewrite)', () => {
    // "expecting [disable | pop | push | translate_pbb_stag <outer_tag> ...", with loop1 renamed `samc` too:
    // then VPP read `samc` as that interface and stopped at the MAC; with no such interface it stops at
    // `samc`, where we report the misspelt `smac` (misreadInterface.ts), the MAC its value
    assert.deepEqual(lineErrors('set interface l2 pbb-tag-rewrite samc 02:fe:00:00:00:01'), ['error vpp.unknown-option [samc]']);
    assert.deepEqual(lineErrors('set interface l2 pbb-tag-rewrite loop0 02:fe:00:00:00:01'), ['error vpp.unknown-option [02:fe:00:00:00:01]']);
    // accepted; and `samc disable` once loop1 was named `samc`
    for (const line of ['set interface l2 pbb-tag-rewrite loop0 smac 02:fe:00:00:00:01', 'set interface l2 pbb-tag-rewrite loop0 disable', 'set interface l2 pbb-tag-rewrite samc disable'])
      assert.deepEqual(lineErrors(line), [], line);
  });

  it('takes no word read as an interface for the first word of a keyword of several (dhcp6 pd client prefix group)', () => {
    // "unexpected input `prefix gorup ref0'", and with loop1 named `prefix`, "unexpected input `gorup ref0'"
    assert.deepEqual(lineErrors('dhcp6 pd client prefix gorup ref0'), ['error vpp.missing-required [dhcp6 pd client]']);
    assert.deepEqual(lineErrors('dhcp6 pd client prefix gorup ref0', '24.10'), ['error vpp.missing-required [dhcp6 pd client]']);
    // accepted
    assert.deepEqual(lineErrors('dhcp6 pd client loop0 prefix group ref0'), []);
  });
});
