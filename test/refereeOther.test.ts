import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis/analyze';
import type { VppRelease } from '../server/src/schema/types';

/**
 * Lines of the referee's family `other` (test/referee/<release>.json), each pinned with what VPP
 * answered: the analysis refuses what VPP's parser refused and passes what it accepted.
 */

/** The errors of one script line, as the text each covers, or [] when we pass it. */
function errorsOn(line: string, release: VppRelease = '26.06'): string[] {
  return analyze(line, { language: 'cli', release })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => line.slice(d.start, d.end));
}

describe('referee, family other: what VPP answered', () => {
  it('reads a word a positional lists (`enable`) as that word, not as an interface of that name', () => {
    // pg_input_mac_filter_cfg tries `%U` unformat_vnet_sw_interface before unformat_vlib_enable_disable;
    // VPP 26.06 and 24.10: "packet-generator mac-filter: specify interface"
    for (const release of ['26.06', '24.10'] as const) {
      for (const line of ['packet-generator mac-filter enable', 'packet-generator mac-filter off', 'packet-generator mac-filter { on }']) {
        assert.deepEqual(errorsOn(line, release), ['packet-generator mac-filter'], `${release}: ${line}`);
      }
    }
    // VPP 26.06 accepted `packet-generator mac-filter loop0` and `... loop0 enable`
    assert.deepEqual(errorsOn('packet-generator mac-filter loop0 enable'), []);
  });

  it('keeps an error kept in a variable when a later check only writes other errors into it', () => {
    // vrrp_vr_add_del_command_fn: `if (sw_if_index == ~0) ret = clib_error_return (...)`, then under
    // `if (is_add)` only more errors into `ret`, then `if (ret) goto done;`. VPP 26.06 refused these in
    // a `{ }` block, where the rest after `vr_id` is dropped: "Please specify an interface..."
    for (const line of ['vrrp vr add { vr_id abc }', 'vrrp vr add { vr_id }', 'vrrp vr del { vr_id -1 }']) {
      assert.ok(errorsOn(line).includes(line.split(' {')[0]), line);
    }
    assert.deepEqual(errorsOn('vrrp vr add loop0 vr_id 1'), []);
  });
});
