import assert from 'node:assert/strict';
import { HELPER_CHECKS } from '../server/src/schema/helperChecks';
import { RELEASES, schemaFor } from '../server/src/schema/index';
import { described, lintScript } from './lintHelpers';

const errors = (text: string, release: '26.06' | '24.10' = '26.06') => described(lintScript(`${text}\n`, { release })).filter((d) => d.startsWith('error'));

describe('checks VPP makes in a helper the reader does not follow', () => {
  it('names only arguments the reading of its command has, in every release that has the command', () => {
    for (const check of HELPER_CHECKS) {
      for (const release of RELEASES) {
        const spec = schemaFor(release).commands.get(check.path);
        if (!spec) continue;
        const names = new Set((spec.args ?? []).map((a) => a.name));
        for (const group of [...(check.required ?? []), ...(check.exclusive ?? []), ...(check.readOnlyAfter ?? []).map((r) => [r.name, r.arg]), ...(check.values ?? []).map((v) => [v.name])]) for (const name of group) assert.ok(names.has(name), `${release} ${check.path}: ${name}`);
        for (const limit of check.values ?? []) assert.ok(spec.args?.find((a) => a.name === limit.name)?.values?.[limit.index], `${release} ${check.path}: ${limit.name} has a value ${limit.index}`);
        for (const group of check.required ?? []) assert.ok(spec.required?.some((g) => g.join() === group.join()), `${release} ${check.path}`);
        for (const guard of check.readOnlyAfter ?? []) assert.equal(spec.args?.find((a) => a.name === guard.name)?.readOnlyAfter?.arg, guard.arg, `${release} ${check.path}`);
        for (const refusal of check.refuses ?? []) assert.ok(spec.refuses?.some((r) => JSON.stringify(r) === JSON.stringify(refusal)), `${release} ${check.path}`);
      }
    }
  });

  it('set nsim needs its bandwidth in 24.10 too, where VPP compares a bandwidth it never set', () => {
    // VPP 24.10 (recorded, test/referee/24.10.json): "set nsim: invalid bandwidth 0.00" for these, and
    // `set nsim bandwidth 1.5 gbit` accepted (its delay, never set either, was not 0)
    for (const line of ['set nsim', 'set nsim delay 1.5 us', 'set nsim packet-size 1']) {
      assert.deepEqual(
        errors(line, '24.10').map((d) => d.split(' ')[1]),
        ['vpp.missing-required'],
        line,
      );
    }
    assert.deepEqual(errors('set nsim bandwidth 1.5 gbit', '24.10'), []);
    assert.deepEqual(errors('set nsim delay 10 ms bandwidth 1 gbit', '24.10'), []);
  });

  it('nsim cross-connect enable-disable: two interfaces (the branch fills the second on its second use)', () => {
    // VPP 26.06: "Please specify two interfaces..." for one interface, with or without `disable`;
    // two (even the same twice) get past it to a check of state ("Not configured, please 'set nsim' first")
    for (const release of ['26.06', '24.10'] as const) {
      for (const line of ['nsim cross-connect enable-disable loop0', 'nsim cross-connect enable-disable loop0 disable']) assert.equal(errors(line, release).length, 1, `${release} ${line}`);
      for (const line of ['nsim cross-connect enable-disable loop0 loop1', 'nsim cross-connect enable-disable loop0 loop0']) assert.deepEqual(errors(line, release), [], `${release} ${line}`);
    }
  });

  it('set interface ip source-and-port-range-check: a VRF id of 0 is refused', () => {
    // VPP 26.06: "TCP, UDP VRF ID should not be 0 (default). Should be distinct VRF for this purpose." for each
    // of these; `tcp-out-vrf 1` got past it to a check of state ("Invalid VRF ID 1")
    for (const release of ['26.06', '24.10'] as const) {
      for (const kw of ['tcp-out-vrf', 'udp-out-vrf', 'tcp-in-vrf', 'udp-in-vrf']) assert.equal(errors(`set interface ip source-and-port-range-check loop0 ${kw} 0`, release).length, 1, `${release} ${kw}`);
      assert.deepEqual(errors('set interface ip source-and-port-range-check loop0 tcp-out-vrf 1', release), [], release);
      // VPP keeps the last: `tcp-out-vrf 0 tcp-out-vrf 1` got past the check ("Invalid VRF ID 1"), `1 ... 0` did not
      assert.deepEqual(errors('set interface ip source-and-port-range-check loop0 tcp-out-vrf 0 tcp-out-vrf 1', release), [], release);
      assert.equal(errors('set interface ip source-and-port-range-check loop0 tcp-out-vrf 1 tcp-out-vrf 0', release).length, 1, release);
    }
  });

  describe('create gtpu forward: exactly one of unknown-teid, unknown-type, bad-header', () => {
    // VPP 26.06 (Debug build, vppctl exec) answered each of these lines with
    // "create gtpu forward: one and only one of unknown-teid, unknown-type or bad-header must be specified"
    const refused = [
      'create gtpu forward dst 10.9.0.1',
      'create gtpu forward dst 10.9.0.1 del',
      'create gtpu forward dst 10.9.0.1 bad-header unknown-type',
      'create gtpu forward dst 10.9.0.1 bad-header unknown-type del',
      'create gtpu forward dst 10.9.0.1 unknown-type unknown-teid bad-header',
    ];
    // and accepted these
    const accepted = [
      'create gtpu forward dst 10.9.0.1 unknown-teid',
      'create gtpu forward dst 10.9.0.1 unknown-teid del',
      'create gtpu forward dst 2001:db8::1 bad-header',
      'create gtpu forward dst 10.9.0.1 decap-next node ip4-input unknown-type',
    ];

    it('refuses what VPP refused, in 26.06 and 24.10 (the same function and helper)', () => {
      for (const release of ['26.06', '24.10'] as const) {
        for (const line of refused) assert.ok(errors(line, release).some((d) => /missing-required|conflicting-options/.test(d)), `${release}: ${line}`);
      }
      assert.deepEqual(errors('create gtpu forward dst 10.9.0.1'), ['error vpp.missing-required [create gtpu forward]']);
      assert.deepEqual(errors('create gtpu forward dst 10.9.0.1 bad-header unknown-type'), ['error vpp.conflicting-options [unknown-type]']);
    });

    it('reports no error on what VPP accepted, nor on the same flag twice (ORed into the same bit)', () => {
      for (const line of accepted) assert.deepEqual(errors(line), [], line);
      assert.deepEqual(errors('create gtpu forward dst 10.9.0.1 unknown-teid unknown-teid'), []);
    });
  });
});

describe('create bond: load-balance and numa-only are taken only after a mode that has them', () => {
  // VPP 26.06 (Debug build, vppctl exec) refused these: load-balance with "create bond: unknown input `'",
  // numa-only with "create bond: Only lacp mode supports numa-only so far!"
  const refused = [
    'create bond load-balance l34 mode lacp',
    'create bond mode round-robin load-balance l2',
    'create bond numa-only mode lacp',
    'create bond mode xor numa-only',
    'create bond mode active-backup numa-only mode lacp',
  ];
  // and accepted these: the mode as read so far counts, not the last one
  const accepted = [
    'create bond mode lacp load-balance l34',
    'create bond mode xor load-balance l23',
    'create bond mode lacp numa-only',
    'create bond mode lacp mode xor load-balance l2',
    'create bond mode xor load-balance l2 mode round-robin',
  ];

  it('refuses what VPP refused, at the argument VPP stops at', () => {
    for (const release of ['26.06', '24.10'] as const) for (const line of refused) assert.ok(errors(line, release).some((d) => /missing-required \[(load-balance|numa-only)/.test(d)), `${release}: ${line}: ${errors(line, release)}`);
  });

  it('reports no error on what VPP accepted', () => {
    for (const line of accepted) assert.deepEqual(errors(line), [], line);
  });

  describe('policer input, output, bind, reset, del: a policer by name or index', () => {
    it('refuses a line with neither, as VPP 26.06 did whatever it held', () => {
      // VPP 26.06 (Debug build, vppctl exec): "policer input: failed: `-6'", "policer bind: failed: `-6'",
      // and "policer input: unknown input `nmae ref0'" (read as two interfaces, it fails the same way)
      for (const release of ['26.06', '24.10'] as const) {
        for (const line of ['policer input loop0', 'policer output loop0', 'policer bind 1']) {
          assert.deepEqual(errors(line, release), [`error vpp.missing-required [${line.split(' ').slice(0, 2).join(' ')}]`], `${release}: ${line}`);
        }
        // and where VPP stopped, the misspelt `name` (see refusedAtWord.test.ts)
        assert.deepEqual(errors('policer input nmae ref0', release), ['error vpp.missing-required [policer input]', 'error vpp.unknown-option [nmae]'], release);
      }
    });

    it('reports no error on what VPP accepted once policer p1 existed, nor on the bare line', () => {
      // VPP 26.06 accepted these after `policer add name p1 cir 100 cb 1000 rate kbps round closest type 1r2c ...`
      for (const line of ['policer input name p1 loop0', 'policer input loop0 index 0', 'policer output name p1 loop0', 'policer reset name p1', 'policer del name p1', 'policer input', 'policer del']) {
        assert.deepEqual(errors(line), [], line);
      }
    });
  });
});
