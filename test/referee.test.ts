import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageOf } from '../tools/vpp-referee/coverage';
import { knownRules, ruleFor } from '../tools/vpp-referee/known';
import { summarise } from '../tools/vpp-referee/report';
import { wordToName } from '../tools/vpp-referee/renameWord';
import { classify, judge, reread, withBlockEvidence, type RecordedCase, type RefereeRecord } from '../tools/vpp-referee/verdicts';

/**
 * Real VPP's verdicts, recorded by tools/vpp-referee from VPP built from source, replayed through
 * our analysis: a line VPP's parser refused must get an error from us, a line VPP accepted none.
 * A line VPP accepted must get no error from us, or be matched, with its reason, by a rule in
 * test/referee/known.json (a rule that no longer matches must leave the file). Lines VPP refused
 * and we pass are misses, counted against the floor in test/referee/floor.json and listed in
 * docs/vpp-agreement.md.
 */

const DIR = join(import.meta.dirname, 'referee');
const FLOORS = JSON.parse(readFileSync(join(DIR, 'floor.json'), 'utf8')) as Record<string, number>;
const records = readdirSync(DIR)
  .filter((f) => /^\d\d\.\d\d\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RefereeRecord);

describe('referee: VPP built from source judges our analysis', () => {
  it('has a record for 26.06 and for a release of 2024', () => {
    const releases = records.map((r) => r.release);
    assert.ok(releases.includes('26.06'), `records: ${releases.join(', ')}`);
    assert.ok(releases.some((r) => r.startsWith('24.')), `records: ${releases.join(', ')}`);
  });

  for (const record of records) {
    describe(`VPP ${record.release}`, () => {
      const summary = summarise(record);
      const rules = knownRules(record.release);

      it('asked VPP about every strict command and startup.conf section, but those it says why it did not', () => {
        const coverage = coverageOf(record);
        assert.deepEqual(coverage.notAsked.filter((n) => !n.why).map((n) => n.name), []);
        assert.ok(coverage.commandsAsked > 0.5 * coverage.commands, `${coverage.commandsAsked} of ${coverage.commands} strict commands asked`);
      });

      it('reports no error on a line VPP accepted (nor where an interface of that name makes VPP accept it), but the explained ones', () => {
        const unlisted = summary.disagreements.filter((d) => d.weRefuse && !ruleFor(rules, d.case.line));
        assert.deepEqual(unlisted.map((d) => `${d.case.line} (VPP: ${d.case.verdict}${d.case.message ? `, ${d.case.message.split('\n')[0]}` : ''})`), []);
      });

      it('reports no error on a line VPP refused only where the reason is listed (test/referee/known.json)', () => {
        const unlisted = summary.disagreements.filter((d) => !d.weRefuse && !ruleFor(rules, d.case.line));
        assert.deepEqual(unlisted.map((d) => `${d.case.line} (VPP: ${(d.case.message ?? '').split('\n')[0]})`), []);
      });

      it('still disagrees somewhere for each explained reason (nothing stale)', () => {
        const stale = rules.filter((r) => !summary.disagreements.some((d) => ruleFor([r], d.case.line)));
        assert.deepEqual(stale, []);
      });

      it(`agrees on the parser's verdicts at least as often as measured (${(100 * FLOORS[record.release]).toFixed(1)} %; the goal is 99 %)`, () => {
        const { agreed, judged } = summary.total;
        assert.ok(FLOORS[record.release] > 0, `test/referee/floor.json has no figure for ${record.release}`);
        assert.ok(judged > 1000, `${judged} lines judged`);
        assert.ok(agreed / judged >= FLOORS[record.release], `${agreed}/${judged} = ${((100 * agreed) / judged).toFixed(2)} %`);
      });
    });
  }
});

describe('referee: a line asked before interfaces were renamed', () => {
  // VPP 26.06's answers, as recorded
  const said = "set cnat feature: unknown input 'bogus-option'";
  const plain: RecordedCase = { line: 'set cnat feature bogus-option', family: 'nat', verdict: 'parse', message: said };
  const block: RecordedCase = { line: 'set cnat feature { bogus-option }', family: 'nat', verdict: 'parse', message: said, rest: 'bogus-option', asInterface: 'accepted' };

  it('borrows the answer of the same words in a { } block, refused alike', () => {
    assert.equal(withBlockEvidence([plain, block])[0].asInterface, 'accepted');
    assert.equal(judge(withBlockEvidence([plain, block])[0], '26.06').agree, undefined);
  });

  it('borrows nothing from a block refused otherwise, nor from a continued line', () => {
    assert.equal(withBlockEvidence([plain, { ...block, message: 'set cnat feature: interface not specified' }])[0].asInterface, undefined);
    assert.equal(withBlockEvidence([plain, { ...block, line: 'set cnat feature \\\n  bogus-option' }])[0].asInterface, undefined);
  });
});

describe('referee: a refusal that an interface of that name turned into one for state', () => {
  // VPP 26.06's answers, as recorded on 2026-12-07: with a loopback renamed `bogus-option`, the parser
  // read the word as that interface and the command refused the loopback
  const memif: RecordedCase = {
    line: 'delete interface memif bogus-option',
    family: 'interfaces',
    verdict: 'parse',
    message: "delete interface memif: unknown input `'",
    rest: '',
    asInterface: 'state',
    asInterfaceSaid: 'delete interface memif: not a memif interface',
  };

  it('leaves the line out of the parser verdicts, whatever we report', () => {
    assert.equal(judge(memif, '26.06').agree, undefined);
  });

  it('reads what VPP said the second time with today\'s classifier', () => {
    const second = { ...memif, asInterface: 'state' as const, asInterfaceSaid: "delete interface memif: unknown input `bogus-option'" };
    assert.equal(reread(second, '26.06').asInterface, 'parse');
    assert.equal(judge(second, '26.06').agree, false);
  });
});

describe('referee: reading what VPP printed', () => {
  it('takes a line without exec\'s "CLI line error" as accepted, whatever it printed', () => {
    assert.equal(classify('tap0\n').verdict, 'accepted');
  });

  it('takes "unknown input" as the parser refusing, and keeps the input VPP stopped at', () => {
    const c = classify("create tap: unknown input `bogus-option'\nexec: CLI line error: create tap bogus-option\n");
    assert.equal(c.verdict, 'parse');
    assert.equal(c.rest, 'bogus-option');
  });

  it('keeps the input quoted after "got" (trace.c), and a graph node VPP lacked there is the environment\'s', () => {
    // VPP 26.06 refused `trace add ref0 1` so and accepted `trace add pg-input 1` and `trace filter include ip4-input 1`
    const c = classify("trace add: expected NODE COUNT, got `ref0 1'\nexec: CLI line error: trace add ref0 1\n");
    assert.equal(c.verdict, 'parse');
    assert.equal(c.rest, 'ref0 1');
    const message = "trace filter: expected 'include NODE COUNT' or 'exclude NODE COUNT' or 'none', got `include ref0 1'";
    assert.equal(reread({ line: 'trace filter include ref0 1', family: 'tracing', verdict: 'parse', message }, '26.06').verdict, 'state');
  });

  it('takes "already exists" as state, which says nothing about syntax', () => {
    const c = classify('create tap: tap0: interface already exists\nexec: CLI line error: create tap id 0\n');
    assert.equal(c.verdict, 'state');
  });

  it('takes a code from the function that did the work, or a table, domain or policy not made, as state', () => {
    // VPP 26.06's answers to lines whose words were all well formed
    for (const said of [
      'set interface input acl: Error: -65',
      'flowprobe feature add-del: Please specify flowprobe params record first...',
      'l2fib add: bridge domain ID 1 invalid',
      'sr steer: The requested SR policy could not be located. Review the BSID/index.',
      'dns: No name servers configured...',
      'abf attach: invalid policy ID:1',
      'adl allowlist: Invalid fib',
      'perfmon stop: not running',
      'ipfix classify table: Specified classifier table not registered',
      'set interface l2 pbb-tag-rewrite: pbb tag rewrite is not compatible with interface',
      'delete teib: TEIB error',
      "p2p_ethernet: couldn't create p2p ethernet subinterface",
      'ikev2 profile: Error: Invalid value',
      'create interface avf: Wrong vendor or device id',
      // VPP 24.10's
      'http tps: not listening on tcp://0.0.0.0/80 ',
      'launch_monitor: can not open log file',
      'ikev2_config: wrong handoff-thread 1',
    ]) {
      assert.equal(classify(`${said}\nexec: CLI line error: x\n`).verdict, 'state', said);
    }
    assert.equal(classify('set nsim: invalid bandwidth 0.00\nexec: CLI line error: set nsim\n').verdict, 'parse');
  });

  it('names an interface after the word VPP quoted, else after the first word we read as an interface the sandbox lacks', () => {
    const sandbox = new Set(['loop0', 'loop1', 'local0']);
    // VPP 26.06: "set interface proxy-arp: unknown input 'q'"
    assert.equal(wordToName('set interface proxy-arp onq', '26.06', 'q', sandbox), 'q');
    // VPP 26.06: "ip route: parse error `via ref'", where `ref` is the interface of the path
    assert.equal(wordToName('ip route 198.51.100.0/24 via ref', '26.06', 'via ref', sandbox), 'ref');
    // VPP 26.06 quoted nothing: "delete interface memif: unknown input `'", "set interface l2 pbb-tag-rewrite: expecting [disable | pop | ..."
    assert.equal(wordToName('delete interface memif memif0/0', '26.06', undefined, sandbox), 'memif0/0');
    assert.equal(wordToName('set interface l2 pbb-tag-rewrite smac 02:fe:00:00:00:01 bogus-option', '26.06', undefined, sandbox), 'bogus-option');
    assert.equal(wordToName('bond del loop0 bogus-option', '26.06', undefined, sandbox), 'bogus-option');
    assert.equal(wordToName('create bond mode round-robin mode round-robin load-balance l2', '26.06', undefined, sandbox), undefined);
  });

  it('judges a line by our errors, and a refused one by the word VPP named', () => {
    const refused = judge({ line: 'create tap bogus-option', family: 'interfaces', verdict: 'parse', rest: 'bogus-option' }, '26.06');
    assert.deepEqual(refused, { weRefuse: true, agree: true, onToken: true });
    // VPP 26.06: "nat44 ei add static mapping: unknown input: 'vrf abc'": it quotes the loop turn that failed, from
    // the keyword, and our error on the value is on that argument; one on a later word is not
    const onValue = judge({ line: 'nat44 ei add static mapping vrf abc', family: 'nat', verdict: 'parse', rest: 'vrf abc' }, '26.06');
    assert.equal(onValue.onToken, true);
    // VPP 26.06: "set interface rx-mode: unknown input `bogus-option'": we read the word as an interface and
    // report only the missing mode, on the command words
    const elsewhere = judge({ line: 'set interface rx-mode loop0 bogus-option', family: 'interfaces', verdict: 'parse', rest: 'bogus-option' }, '26.06');
    assert.equal(elsewhere.onToken, false);
    // VPP 26.06: "unknown input `wokrer 1'": our error is on the misspelt keyword, not on the `1` after it
    const typo = judge({ line: 'set interface rx-placement loop0 wokrer 1', family: 'interfaces', verdict: 'parse', rest: 'wokrer 1' }, '26.06');
    assert.equal(typo.onToken, true);
    // VPP 26.06: "acl_plugin_config: unknown input ' connection hash buckets abc'": it quotes the parameter from its
    // first word, and the fault is the value after its three words
    const startup = judge({ line: 'acl-plugin { connection hash buckets abc }', family: 'startup acl-plugin', startup: true, verdict: 'parse', message: "acl_plugin_config: unknown input ' connection hash buckets abc'" }, '26.06');
    assert.equal(startup.onToken, true);
    // VPP 26.06: "ip route: parse error `via ref'" with no interface `ref`, and once one bore the name, "unknown input
    // `  bogus-option'" for the continued line, where our error is
    const continued = { line: 'ip route 198.51.100.0/24 via ref \\\n  bogus-option', family: 'routing', verdict: 'parse' as const, message: "ip route: parse error `via ref'", rest: 'via ref' };
    assert.equal(judge({ ...continued, asInterface: 'parse', asInterfaceSaid: "unknown input `  bogus-option'" }, '26.06').onToken, true);
    assert.equal(judge(continued, '26.06').onToken, false);
    const accepted = judge({ line: 'create tap id 1', family: 'interfaces', verdict: 'accepted' }, '26.06');
    assert.deepEqual(accepted, { weRefuse: false, agree: true });
    const state = judge({ line: 'create tap id 1', family: 'interfaces', verdict: 'state' }, '26.06');
    assert.equal(state.agree, undefined);
  });
});
