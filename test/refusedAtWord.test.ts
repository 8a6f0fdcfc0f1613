import { strict as assert } from 'node:assert';
import { errorsOn } from './helpers';
import { analyze } from '../server/src/analysis/analyze';
import { checkValue } from '../server/src/analysis/values';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../server/src/features/semanticTokens';
import { readCliFile } from '../server/src/sourceReader/index';
import { ikev2ListUnformat } from '../server/src/sourceReader/unformatFunction';
import { disabledPluginOf } from '../tools/vpp-referee/disabledPlugins';
import { refusedAtLookup } from '../tools/vpp-referee/lookupRefusals';
import { judge, reread, restOffset, type RecordedCase } from '../tools/vpp-referee/verdicts';

/**
 * Words VPP's unformat refuses, as VPP answered them (test/referee/<release>.json): the reader of
 * VPP's C source must read each word and value the way unformat does, so that the analysis refuses
 * the same lines, on the word VPP stopped at, and passes the lines VPP accepted.
 */

function read(body: string) {
  const text = `static clib_error_t *\ntest_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)\n{\n${body}\n}\nVLIB_CLI_COMMAND (test_cmd, static) = {\n  .path = "test cmd",\n  .function = test_cmd_fn,\n};\n`;
  const found = readCliFile(text);
  assert.equal(found.length, 1);
  return found[0].reading;
}


describe('words VPP refuses, read the way unformat reads them', () => {
  it('takes one branch of an if / else-if chain read without a loop (set interface l2 tag-rewrite)', () => {
    const r = read(`  if (!unformat_user (input, unformat_vnet_sw_interface, vnm, &sw_if_index))
    return clib_error_return (0, "unknown interface");
  if (unformat (input, "disable"))
    op = 0;
  else if (unformat (input, "pop 1"))
    op = 1;
  else if (unformat (input, "push dot1q %d", &tag1))
    op = 2;
  else
    return clib_error_return (0, "expecting ...");`);
    assert.equal(r.order, 'sequence');
    assert.deepEqual(r.choices, [['disable', 'pop 1', 'push dot1q']]);
    // VPP 26.06: "unknown input `pop 1'" (l2_vtr.c reads VPP's input, so `pop 1` runs as a command)
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('set interface l2 tag-rewrite loop0 disable pop 1', release), ['pop'], release);
      assert.deepEqual(errorsOn('set interface l2 tag-rewrite loop0 pop 1', release), [], release);
      assert.deepEqual(errorsOn('set interface l2 tag-rewrite loop0 push dot1q 10', release), [], release);
    }
  });

  it('reads a protocol name of protocols.def, in any case, where unformat_ip_protocol reads one (nat44 add static mapping)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "vrf %u", &vrf_id))
        ;
      else if (unformat (input, "%U", unformat_ip_protocol, &proto))
        ;
      else
        return clib_error_return (0, "unknown input: '%U'", format_unformat_error, input);
    }`);
    assert.deepEqual(r.args.map((a) => a.values?.[0].kind), ['uint', 'ip-protocol']);
    // format.c looks the token up as written, then upper-cased: `tcp` and `Tcp` are TCP
    for (const good of ['tcp', 'TCP', 'Tcp', 'icmp', 'IP6_HOP_BY_HOP_OPTIONS']) assert.equal(checkValue(good, { kind: 'ip-protocol' }), undefined, good);
    for (const bad of ['6', 'bogus-option', 'tcp-foo', '']) assert.ok(checkValue(bad, { kind: 'ip-protocol' }), bad);
    // a refused protocol is marked invalid, as the word of a list it is
    const line = 'show cnat session proto bogus';
    const data = computeSemanticTokens(analyze(line, { language: 'cli', release: '26.06' })).data;
    const at = line.indexOf('bogus');
    const types: string[] = [];
    for (let i = 0, char = 0; i < data.length; i += 5) {
      char += data[i + 1];
      if (char === at) types.push(SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]);
    }
    assert.deepEqual(types, ['enumMember']);
    // VPP 26.06 and 24.10: "unknown input: 'bogus-option'"
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('nat44 add static mapping bogus-option', release), ['bogus-option'], release);
      assert.deepEqual(errorsOn('nat44 add static mapping tcp local 10.0.0.1 1 external 10.0.0.2 1', release), [], release);
    }
  });

  it('takes a refusal of a command whose plugin VPP leaves disabled as the environment, not the parser (idpf, oddbuf, ip6_dad_autoremove)', () => {
    // as recorded from VPP 26.06: the plugin registered no command, so the one above read the words
    const recorded: RecordedCase[] = [
      { line: 'create interface idpf 0000:00:00.0', family: 'interfaces', verdict: 'parse', message: "create interface: unknown input `idpf 0000:00:00.0'" },
      { line: 'oddbuf configure n_to_copy 1', family: 'other', verdict: 'parse', message: "unknown input `oddbuf configure n_to_copy 1'" },
      { line: 'set ip6 dad autoremove disable', family: 'other', verdict: 'parse', message: "set ip6 dad: unknown input `autoremove disable'" },
      // each word of the path a unique prefix, as VPP and our analysis read it (`od c` is `oddbuf configure`)
      { line: 'od c bogus-option', family: 'other', verdict: 'parse', message: "unknown input `od c bogus-option'" },
      { line: 'od e loop0', family: 'other', verdict: 'parse', message: "unknown input `od e loop0'" },
      { line: 'del in i sw_if_index 1', family: 'interfaces', verdict: 'parse', message: "delete interface: unknown input `i sw_if_index 1'" },
    ];
    assert.deepEqual(
      recorded.map((c) => disabledPluginOf(c.line, '26.06')),
      ['idpf', 'oddbuf', 'ip6_dad_autoremove', 'oddbuf', 'oddbuf', 'idpf'],
    );
    for (const c of recorded) {
      assert.equal(reread(c, '26.06').verdict, 'state', c.line);
      assert.equal(judge(c, '26.06').agree, undefined, c.line);
    }
    // the referee loads linux_cp itself, and a command of VPP proper is no plugin's
    assert.equal(disabledPluginOf('lcp create loop0 host-if vref1 bogus-option', '26.06'), undefined);
    assert.equal(disabledPluginOf('set ip6 dad enable transmits 0', '26.06'), undefined);
    assert.equal(reread(recorded[0]).verdict, 'parse');
  });

  it('takes a refusal at an application name as the environment: unformat_app_index looks the name up (app evt-collector)', () => {
    // VPP 26.06 (Debug build): "app evt-collector: unknown input `app ref0'" with no application named
    // `ref0` attached; `%d` or a name of app_main.app_by_name, which applications fill at run time
    assert.equal(refusedAtLookup('app evt-collector app ref0', 'app ref0', '26.06'), 'application');
    const c: RecordedCase = { line: 'app evt-collector app ref0', family: 'other', verdict: 'parse', message: "app evt-collector: unknown input `app ref0'", rest: 'app ref0' };
    assert.equal(reread(c, '26.06').verdict, 'state');
    assert.deepEqual(errorsOn('app evt-collector app ref0', '26.06'), []);
  });

  it('reads hex digits without a `0x` for %x, and wants the `0x` a format writes out (0x%x)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "class %x", &tc))
        ;
      else if (unformat (input, "mask 0x%llx", &mask))
        ;
      else
        return clib_error_return (0, "unknown input: %U", format_unformat_error, input);
    }`);
    assert.deepEqual(r.args.map((a) => a.values?.[0]), [{ kind: 'hex' }, { kind: 'hex', prefix: '0x' }]);
    // VPP 26.06 and 24.10: "map params traffic-class: unknown input `x10'" (%x read the `0`)
    for (const release of ['26.06', '24.10'] as const) {
      assert.equal(errorsOn('map params traffic-class 0x10', release).length, 1, release);
      assert.deepEqual(errorsOn('map params traffic-class 10', release), [], release);
      // physmem.c reads `base-addr 0x%lx`: VPP accepted `physmem { base-addr 0x1000000000 }`
      assert.deepEqual(
        analyze('physmem { base-addr 0x1000000000 }', { language: 'startup', release }).diagnostics.filter((d) => d.severity === 'error'),
        [],
        release,
      );
    }
    assert.ok(checkValue('1000', { kind: 'hex', prefix: '0x' }));
  });

  it('reads an ikev2 list word where MACRO_UNFORMAT builds the reader, and a hex string as unformat_hex_string does (ikev2 profile set)', () => {
    const lists = new Map([['foreach_ikev2_id_type', '_( 1, ID_IPV4_ADDR, "ip4-addr") _( 2, ID_FQDN, "fqdn") _(11, ID_KEY_ID, "key-id")']]);
    assert.deepEqual(ikev2ListUnformat('unformat_ikev2_id_type', lists), { kind: 'enum', values: ['ip4-addr', 'fqdn', 'key-id'] });
    assert.equal(ikev2ListUnformat('unformat_ikev2_auth_method', lists), undefined);
    // an odd count of digits, or none, fails; after an even run the rest stays in the input
    for (const good of ['0a1b', 'ABCDEF', '00']) assert.equal(checkValue(good, { kind: 'hex-string' }), undefined, good);
    for (const bad of ['ref0', 'abc', '0x10', '']) assert.ok(checkValue(bad, { kind: 'hex-string' }), bad);
    // VPP 26.06 and 24.10: "ikev2 profile: parse error: 'set ref0 auth shared-key-mic h...'" and 'set ref0 id local ref0 ...'
    for (const release of ['26.06', '24.10'] as const) {
      // of the `set` branches none fits: the error is where the one that went furthest failed
      assert.deepEqual(errorsOn('ikev2 profile set ref0 auth shared-key-mic hex ref0', release), ['ref0'], release);
      assert.deepEqual(errorsOn('ikev2 profile set ref0 id local ref0 10.9.0.1', release), ['ref0'], release);
      assert.equal(errorsOn('ikev2 profile set ref0 ike-crypto-alg ref0 1 ike-integ-alg ref0 ike-dh ref0', release)[0], 'ref0', release);
      assert.deepEqual(errorsOn('ikev2 profile set ref0 auth shared-key-mic hex 0a1b2c', release), [], release);
      assert.deepEqual(errorsOn('ikev2 profile set ref0 id local ip4-addr 10.9.0.1', release), [], release);
      assert.deepEqual(errorsOn('ikev2 profile set ref0 ike-crypto-alg aes-cbc 256 ike-integ-alg sha1-96 ike-dh modp-2048', release), [], release);
    }
  });

  it('reads `%U:%u` as an address and a port written together, each keeping its shape (nat44 ei ha failover, npol match)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U:%u", unformat_ip4_address, &addr, &port))
        ;
      else if (unformat (input, "%U;%u->%U;%u", unformat_ip6_address, &a, &p, unformat_ip6_address, &b, &q))
        ;
      else if (unformat (input, "[%U]:%u", unformat_ip6_address, &a, &p))
        ;
      else
        return clib_error_return (0, "unknown input: %U", format_unformat_error, input);
    }`);
    assert.deepEqual(r.args[0].values, [{ kind: 'string', glued: [{ kind: 'ip4' }, { kind: 'enum', values: [':'] }, { kind: 'uint' }] }]);
    assert.equal(r.args[1].values?.[0].glued?.length, 7);
    // a literal before the first value: not followed, any word
    assert.deepEqual(r.args[2].values, [{ kind: 'string' }]);
    // VPP 26.06 and 24.10: "nat44 ei ha failover: unknown input 'ref0'"
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('nat44 ei ha failover ref0', release)[0], 'ref0', release);
      assert.deepEqual(errorsOn('nat44 ei ha failover 10.0.0.1:1234', release), [], release);
      assert.deepEqual(errorsOn('nat44 del session 10.0.0.1:80 tcp', release), [], release);
    }
  });

  it('takes the branch whose last number starts the word, as unformat reads its leading digits (nat64 add static bib)', () => {
    // VPP 26.06 and 24.10: "nat64 add static bib: unknown input: '.9.0.1 1'": `%U %u` read `10` of `10.9.0.1`
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('nat64 add static bib 2001:db8:9::1 1 2001:db8:9::1 10.9.0.1 1', release)[0], '10.9.0.1', release);
      assert.deepEqual(errorsOn('nat64 add static bib 2001:db8:9::1 1 10.9.0.1 1 tcp', release), [], release);
    }
  });

  it('finds the word VPP quoted when it cut the quote at 30 characters (format_unformat_error)', () => {
    const line = 'ikev2 profile set ref0 auth shared-key-mic hex ref0';
    assert.equal(restOffset(line, 'set ref0 auth shared-key-mic h...'), line.indexOf('set'));
    // the last place the quote starts with more after it
    assert.equal(restOffset('a bogus-option-that-is-long-enough x bogus-option-that-is-long-enough', 'bogus-option-that-is-long-enough...'), 2);
    assert.equal(restOffset('set punt reason ref0', 'reason ref0'), 9);
    assert.equal(restOffset('x', '   '), undefined);
  });

  it('drops a keyword an earlier keyword begins, in a loop that refuses unknown words: unformat matches a literal at the start of a word (set cnat snat-policy)', () => {
    const loop = (final: string) =>
      read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "dnat"))
        ;
      else if (unformat (input, "dnat-only"))
        ;
      else if (unformat (input, "fib %d", &fib))
        ;
      else
        ${final}
    }`);
    assert.deepEqual(
      loop('return clib_error_return (0, "unknown input");').args.map((a) => a.keyword),
      ['dnat', 'fib'],
    );
    // a loop that stops quietly reads `dnat` and stops at `-only`: `dnat-only` is never read either;
    // what is left runs as the next command where the function reads VPP's input itself (VPP 26.06
    // and 24.10 refused `set arp proxy delete` with "unknown input `ete'", `del` read first)
    assert.deepEqual(
      loop('break;').args.map((a) => a.keyword),
      ['dnat', 'fib'],
    );
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('set arp proxy delete', release), ['delete'], release);
      assert.deepEqual(errorsOn('set arp proxy del', release), [], release);
    }
    // VPP 26.06: "set cnat snat-policy: unknown input '-only'"
    assert.deepEqual(errorsOn('set cnat snat-policy dnat-only'), ['dnat-only']);
    assert.deepEqual(errorsOn('set cnat snat-policy dnat'), []);
  });

  it('reads a sequence followed by a `while (!unformat_eof (input, NULL))` loop that refuses unknown words (arping)', () => {
    const body = (final: string) => `  if (unformat (input, "gratuitous"))
    g = 1;
  if (!unformat (input, "%U", unformat_ip4_address, &a))
    return clib_error_return (0, "expecting IP4 address");
  while (!unformat_eof (input, NULL))
    {
      if (unformat (input, "repeat"))
        {
          if (!unformat (input, "%u", &repeat))
            return clib_error_return (0, "expecting repeat count");
        }
      else if (unformat (input, "interval"))
        {
          if (!unformat (input, "%f", &interval))
            return clib_error_return (0, "expecting interval");
        }
      else
        ${final}
    }`;
    const r = read(body('return clib_error_return (0, "unknown input");'));
    assert.equal(r.strict, true);
    assert.equal(r.order, 'sequence');
    assert.equal(r.loopFrom, 2);
    assert.deepEqual(r.args.map((a) => a.keyword ?? `<${a.values?.[0].kind}>`), ['gratuitous', '<ip4>', 'repeat', 'interval']);
    assert.deepEqual(r.required, [['ip4']]);
    // a final else that only stops is no refusal this reader knows: loose
    assert.equal(read(body('break;')).strict, false);
    for (const release of ['26.06', '24.10'] as const) {
      // the loop reads its words in any order, again and again: no error where VPP accepts
      assert.deepEqual(errorsOn('arping 10.9.0.1 loop0 repeat 3 interval 1 repeat 2', release), [], release);
      assert.deepEqual(errorsOn('arping gratuitous 10.9.0.1 loop0', release), [], release);
      // VPP 26.06 and 24.10: "arping: unknown input `bogus-option'", "unknown input `gratuitous'"
      assert.deepEqual(errorsOn('arping 10.9.0.1 loop0 bogus-option', release), ['bogus-option'], release);
      assert.deepEqual(errorsOn('arping 10.9.0.1 loop0 gratuitous', release), ['gratuitous'], release);
      assert.deepEqual(errorsOn('arping 10.9.0.1 loop0 2001:db8:9::1', release), ['2001:db8:9::1'], release);
    }
  });

  it('refuses a bare line where VPP refuses it, however many arguments the loop reads (nat44 add static mapping)', () => {
    // VPP 26.06 and 24.10: "nat44 add static mapping: expected required argument(s)"; nine keywords, some read by several branches
    for (const release of ['26.06', '24.10'] as const) {
      const line = 'nat44 add static mapping';
      const errors = analyze(line, { language: 'cli', release }).diagnostics.filter((d) => d.severity === 'error');
      assert.equal(errors.length, 1, release);
      assert.match(errors[0].message, /needs one of `local`, `external`, `exact`/);
      assert.equal(errors[0].message.match(/`external`/g)?.length, 1, 'each keyword named once');
      assert.deepEqual(errorsOn('nat44 add static mapping local 10.0.0.1 external 10.1.1.1', release), [], release);
    }
  });

  it('reads no number as an interface name (policer input idnex 1)', () => {
    for (const word of ['1', '-1', '1.5', '0']) assert.ok(checkValue(word, { kind: 'interface' }), word);
    for (const word of ['loop0', 'loop0.100', 'GigabitEthernet0/8/0', 'bogus-option', 'idnex']) assert.equal(checkValue(word, { kind: 'interface' }), undefined, word);
    for (const release of ['26.06', '24.10'] as const) {
      // VPP 24.10 refused these even with an interface named after the first word ("unknown input `idnex 1'")
      // (and, with no `name` or `index`, VPP's "failed: `-6'" after the loop: see helperChecks.test.ts)
      // the misspelt keyword is the error, and `1` its value (see 'reports a misspelt keyword ...' below)
      assert.deepEqual(errorsOn('policer input idnex 1', release), ['idnex', 'policer input'], release);
      assert.deepEqual(errorsOn('monitor interface loop0 cuont 1', release), ['cuont'], release);
      // a number where the loop reads one still goes there
      assert.deepEqual(errorsOn('lcp create 1 host-if vpp1', release), [], release);
      assert.deepEqual(errorsOn('policer input name pol1 loop0', release), [], release);
    }
  });

  it('reports a misspelt keyword we read as an interface where VPP stops, on a line that fails already (misreadInterface.ts)', () => {
    // as recorded from VPP 26.06 and 24.10 (test/referee/<release>.json), with no interface of that name:
    //   set interface rx-placement: parse error: 'wokrer 1'
    //   device remove-interface: unknown input `sw-i-findex 1'
    //   monitor interface: unknown input `intreval 1.5'
    //   create teib: unknown input `peqr 10.9.0.1'
    //   vrrp peers: unknown input `v_rid 1'
    //   policer input: unknown input `nmae ref0'
    const both: [string, string[]][] = [
      ['device remove-interface sw-i-findex 1', ['sw-i-findex']],
      ['monitor interface loop0 intreval 1.5', ['intreval']],
      ['create teib peqr 10.9.0.1', ['peqr', 'create teib', 'create teib']],
      ['vrrp peers v_rid 1', ['v_rid', 'vrrp peers']],
      ['policer input nmae ref0', ['nmae', 'policer input']],
    ];
    // VPP 26.06 only (plugins the 24.10 referee did not load, or lines asked there only): "abf attach: unknown input
    // 'pi4'", "lcp create: unknown input `hots-if vref1'", "vrrp proto: unknown input `ivp6'"
    const only2606: [string, string[]][] = [
      ['abf attach { pi4 }', ['pi4', 'abf attach', 'abf attach']],
      ['lcp create { loop0 hots-if vref1 }', ['hots-if', 'lcp create']],
      ['vrrp proto { ivp6 }', ['ivp6', 'vrrp proto', 'vrrp proto']],
    ];
    for (const release of ['26.06', '24.10'] as const) {
      for (const [line, errors] of [...both, ...(release === '26.06' ? only2606 : [])]) assert.deepEqual(errorsOn(line, release), errors, `${release}: ${line}`);
      // 26.06 checks after its loop that a worker or main was given; 24.10 read `1` alone as the error
      const after = release === '26.06' ? ['set interface rx-placement'] : [];
      assert.deepEqual(errorsOn('set interface rx-placement loop0 wokrer 1', release), ['wokrer', ...after], release);
    }
    // and on a line VPP refuses for its `\\` continuation (VPP 26.06: "ipsec tunnel protect: unknown input 's-ain'",
    // "set urpf: parse error `tbale'"), where the part before the break fails first
    assert.deepEqual(errorsOn('ipsec tunnel protect s-ain \\\n  1'), ['1', 's-ain']);
    assert.deepEqual(errorsOn('set urpf loop0 tbale \\\n  1'), ['1', 'tbale']);
    // the did-you-mean fix, and the removal takes the value with the word
    const line = 'set interface rx-placement loop0 wokrer 1';
    const typo = analyze(line, { language: 'cli', release: '26.06' }).diagnostics.find((d) => d.code === 'vpp.unknown-option')!;
    assert.match(typo.message, /does not accept `wokrer`.*Did you mean `worker`\?/);
    const [replace, remove] = typo.fixes!;
    assert.deepEqual(replace, { kind: 'replace', candidates: ['worker'] });
    assert.ok(remove.kind === 'remove');
    assert.deepEqual([remove.start, remove.end], [line.indexOf('wokrer'), line.length]);
    // the judge counts it on VPP's word
    const recorded: RecordedCase = { line, family: 'interfaces', verdict: 'parse', message: "set interface rx-placement: parse error: 'wokrer 1'", rest: 'wokrer 1', asInterface: 'parse' };
    assert.equal(judge(recorded, '26.06').onToken, true);
    // a line we pass gets no error: the word may name an interface (VPP reads `cuont` as one when it exists)
    assert.deepEqual(errorsOn('monitor interface loop0 cuont'), []);
    assert.deepEqual(errorsOn('monitor interface cuont'), []);
    // nor a name of the form VPP gives interfaces, a keyword with an instance number (`local0`), or one a script makes
    assert.deepEqual(errorsOn('policer input local0'), ['policer input']);
    assert.deepEqual(errorsOn('policer input loop0'), ['policer input']);
  });

  it('reads a required element of a sequence at its place, no later one before it (set interface mtu, set interface promiscuous)', () => {
    // VPP 26.06 and 24.10: "set interface mtu: unknown input `loop0 9000'", "set interface promiscuous: unknown input
    // `loop0 on'" (mtu_cmd reads `%d %U`, promiscuous_cmd `on`/`off` then `%U`); `9000 loop0` and `on loop0` accepted
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('set interface mtu loop0 9000', release), ['loop0', 'set interface mtu'], release);
      assert.deepEqual(errorsOn('set interface mtu { loop0 1.5 }', release), ['loop0', 'set interface mtu', 'set interface mtu'], release);
      assert.deepEqual(errorsOn('set interface promiscuous loop0 on', release), ['loop0', 'set interface promiscuous'], release);
      for (const line of ['set interface mtu 9000 loop0', 'set interface mtu packet 9000 loop0', 'set interface promiscuous on loop0']) assert.deepEqual(errorsOn(line, release), [], `${release}: ${line}`);
    }
    const [first] = analyze('set interface mtu loop0 9000', { language: 'cli', release: '26.06' }).diagnostics;
    assert.match(first.message, /reads its arguments in order and expects <mtu> here, not `loop0`: VPP stops there/);
  });

  it('reads the words a function reads once before its loop first, and once (cnat client add, ip virtual)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  if (!unformat_user (input, unformat_line_input, line_input))
    return clib_error_return (0, "missing input");
  if (!unformat (line_input, "%U", unformat_ip_prefix, &pfx))
    {
      error = clib_error_return (0, "expected ip prefix");
      goto done;
    }
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "fib %d", &fib_index))
        ;
      else if (unformat (line_input, "return"))
        flags = 1;
      else
        {
          error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;
        }
    }
done:
  unformat_free (line_input);
  return error;`);
    assert.equal(r.order, 'sequence');
    assert.equal(r.loopFrom, 1);
    // VPP 26.06 (recorded): "cnat client add: unknown input '10.9.0.1/24 fib'"; asked 2026-12-07: "cnat client add:
    // unknown input '10.9.0.1/24'" for the two prefixes alone, "cnat client add: expected ip prefix" for `fib 1` first
    assert.deepEqual(errorsOn('cnat client add 10.9.0.1/24 10.9.0.1/24 fib'), ['fib', '10.9.0.1/24']);
    assert.deepEqual(errorsOn('cnat client add 10.9.0.1/24 10.9.0.1/24'), ['10.9.0.1/24']);
    assert.deepEqual(errorsOn('cnat client add fib 1 10.9.0.1/24'), ['fib']);
    assert.deepEqual(errorsOn('cnat client add 10.9.0.1/24 fib 1 return'), []);
    // VPP 26.06: "ip virtual: unknown input `mac 02:fe:00:00:00:01 10.9.0 l...'" (vpe_cli.c reads `%U %U`, an address
    // and an interface, before its loop over `mac` and `next-hop`)
    assert.deepEqual(errorsOn('ip virtual mac 02:fe:00:00:00:01 10.9.0 loop0').slice(0, 1), ['mac']);
  });

  it('reads a group guarded by a flag its branches set in one pass only (nat44 forwarding, det44 plugin)', () => {
    const guard = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  u8 enable_set = 0, enable = 0;
  if (!unformat_user (input, unformat_line_input, line_input))
    return clib_error_return (0, "expected");
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (!enable_set)
        {
          enable_set = 1;
          if (unformat (line_input, "disable"))
            ;
          else if (unformat (line_input, "enable"))
            enable = 1;
        }
      else
        {
          error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;
        }
    }
done:
  unformat_free (line_input);
  return error;`);
    assert.deepEqual(guard.readOnce, [['disable', 'enable']]);
    const tested = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  u8 enable = 0, is_set = 0;
  if (!unformat_user (input, unformat_line_input, line_input))
    return clib_error_return (0, "expected");
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (!is_set && unformat (line_input, "enable"))
        enable = 1;
      else if (!is_set && unformat (line_input, "disable"));
      else if (unformat (line_input, "verbose"))
        ;
      else
        {
          error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;
        }
      is_set = 1;
    }
done:
  unformat_free (line_input);
  return error;`);
    // set on every pass, but `verbose` does not test it: VPP refuses `verbose enable`, which a group cannot say
    assert.equal(tested.readOnce, undefined);
    // VPP 26.06 (recorded): "nat44 forwarding: unknown input 'disable bogus-option'", "det44 plugin: unknown input
    // 'enable inside bogus 1'"; asked 2026-12-07: "nat44 forwarding: unknown input 'enable'", "det44 plugin: unknown
    // input 'disable'", "nat66 plugin: unknown input 'enable'", "nat ipfix logging: unknown input 'disable'"
    const cases: [string, string[]][] = [
      ['nat44 forwarding disable disable bogus-option', ['disable']],
      ['nat44 ei forwarding disable disable enbale', ['disable']],
      ['det44 plugin enable enable inside bogus 1', ['enable']],
      ['nat44 forwarding enable enable', ['enable']],
      ['det44 plugin enable disable', ['disable']],
      ['nat66 plugin enable enable', ['enable']],
      ['nat ipfix logging disable disable', ['disable']],
      ['nat44 forwarding enable', []],
      ['det44 plugin enable inside vrf 1 outside vrf 2', []],
    ];
    for (const [line, errors] of cases) assert.deepEqual(errorsOn(line), errors, line);
    const [again] = analyze('det44 plugin enable disable', { language: 'cli', release: '26.06' }).diagnostics;
    assert.match(again.message, /reads one of `enable`, `disable` once: after `enable` it no longer tries them/);
  });

  it('follows an X-macro list named `<plugin>_foreach_<x>` in a header to the words an unformat function reads (ila entry)', () => {
    // unformat_ila_direction and unformat_ila_type (ila.c) expand `ila_foreach_direction` / `ila_foreach_type` of ila.h
    // VPP 26.06 (recorded): "ila entry: parse error: 'direction ref0 edl'"; asked 2026-12-07: "parse error: 'direction ref0'",
    // "parse error: 'type bogus'", and `type iid ... direction ila2sir` accepted
    assert.deepEqual(errorsOn('ila entry direction ref0 edl'), ['ref0', 'edl']);
    assert.deepEqual(errorsOn('ila entry direction ref0'), ['ref0']);
    assert.deepEqual(errorsOn('ila entry direction bidir type bogus'), ['bogus']);
    assert.deepEqual(errorsOn('ila entry type iid sir-address 2001:db8::1 locator 1:2:3:4 direction ila2sir'), []);
    // "parse error: 'x10 sir-address 2001:db8::2 lo...'": %x reads no 0x
    const [hex] = analyze('ila entry direction sir2ila vnid 0x10', { language: 'cli', release: '26.06' }).diagnostics;
    assert.match(hex.message, /a hex number without 0x/);
  });

  it('puts the error in the word where unformat stops inside it (mode ipq, fragments onq, template-interval 1.5)', () => {
    // VPP 26.06 and 24.10: "create host-interface: unknown input `q'", "map params security-check: unknown input `q'"
    // (a keyword of two words read from the start of the second), "IPFIX Collector is disabled\nunknown input `.5'"
    // (`template-interval %d` reads 1, and VPP runs `.5` as the next command)
    for (const release of ['26.06', '24.10'] as const) {
      assert.deepEqual(errorsOn('create host-interface name vref1 mode ipq', release), ['ipq'], release);
      assert.deepEqual(errorsOn('map params security-check fragments onq', release)[0], 'onq', release);
      assert.deepEqual(errorsOn('set ipfix exporter template-interval 1.5', release), ['1.5'], release);
      assert.deepEqual(errorsOn('set ipfix exporter template-interval 20', release), [], release);
    }
    const [mode] = analyze('create host-interface name vref1 mode ipq', { language: 'cli', release: '26.06' }).diagnostics;
    assert.match(mode.message, /reads `mode ip` from the start of `mode ipq` and stops at `q`/);
    assert.deepEqual(mode.fixes, [{ kind: 'replace', candidates: ['ip'] }]);
    const [interval] = analyze('set ipfix exporter template-interval 1.5', { language: 'cli', release: '26.06' }).diagnostics;
    assert.match(interval.message, /reads `1` from the start of `1.5` and stops at `.5`/);
  });

  it('makes the words dropped unread an error where a check after the loop refuses the line (set ip flow-hash { table })', () => {
    // VPP 26.06: "set ip flow-hash: unknown input `table'" (the `matched == 0` check quotes the input the loop
    // left), "trace filter: expected 'include NODE COUNT' or 'exclude NODE COUNT' or 'none', got `include'"
    assert.deepEqual(errorsOn('set ip flow-hash { table }'), ['table', 'set ip flow-hash']);
    assert.deepEqual(errorsOn('set ip6 flow-hash { table abc }'), ['table', 'set ip6 flow-hash']);
    const [include] = analyze('trace filter { include }', { language: 'cli', release: '26.06' }).diagnostics;
    assert.equal(include.severity, 'error');
    assert.match(include.message, /`include` needs its values here \(`include <string> <int>`\)/);
    assert.ok(!include.fixes?.some((f) => f.kind === 'replace'), 'no did-you-mean for the keyword itself');
    // a word dropped on a line VPP runs stays a warning
    const dropped = analyze('set ip flow-hash { table 1 bogus }', { language: 'cli', release: '26.06' }).diagnostics;
    assert.deepEqual(dropped.map((d) => d.severity), ['warning']);
  });
});
