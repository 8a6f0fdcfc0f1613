import assert from 'node:assert/strict';
import { described, lintScript } from './lintHelpers';

/** What unformat_fib_route_path (vnet/fib/fib_types.c) reads after `via`: up to the end or the next `via`. */
describe('a route path after `via`', () => {
  const found = (text: string, release: '26.06' | '24.10' = '26.06') => described(lintScript(`${text}\n`, { release })).filter((d) => !d.startsWith('hint'));

  it("refuses the command's own keywords written after the path (VPP 26.06 and 24.10: \"ip route: parse error `via ref table 0'\")", () => {
    assert.deepEqual(found('ip route 198.51.100.0/24 via ref table 0'), ['error vpp.unknown-option [table]']);
    assert.deepEqual(found('ip route 198.51.100.0/24 via ref count 1', '24.10'), ['error vpp.unknown-option [count]']);
    assert.deepEqual(found('ip route { 198.51.100.0/24 via ref add del }'), ['error vpp.unknown-option [add]', 'error vpp.unknown-option [del]']);
    assert.deepEqual(found('ip route add 10.0.0.0/24 via 192.0.2.1 loop0 table 2'), ['error vpp.unknown-option [table]']);
    assert.deepEqual(found('ip route add 10.0.0.0/24 via 192.0.2.1 loop0 via 192.0.2.2 loop1 table 2'), ['error vpp.unknown-option [table]']);
  });

  it('takes the path words, an interface name, and the keywords before the first `via`', () => {
    for (const line of [
      'ip route add table 2 count 1 10.0.0.0/24 via 192.0.2.1 loop0',
      'ip route add 10.0.0.0/24 via 192.0.2.1 next-hop-table 2',
      'ip route add 10.0.0.0/24 via lookup in table 2',
      'ip route add 10.0.0.0/24 via 192.0.2.1 loop0 weight 2 preference 1 out-labels 100 200 via 192.0.2.2 loop1',
      'mpls local-label add eos 33 via ip4-lookup-in-table 2',
      // a word the path does not know may name an interface: VPP refused `via ref` only for lack of one
      'ip route 198.51.100.0/24 via ref',
      'ip route 198.51.100.0/24 via ref bogus-option',
    ]) assert.deepEqual(found(line), [], line);
  });

  it("hands what follows `ip route ... via drop` back to the command's loop, which reads `table` (unformat_dpo, lookup.c)", () => {
    assert.deepEqual(found('ip route add 10.0.0.0/24 via drop table 2'), []);
    assert.deepEqual(found('ip route add 10.0.0.0/24 via 192.0.2.1 loop0 via classify 3 table 2'), []);
  });
});
