import { groupOf, type ArgSpec, type CommandSpec, type Refusal, type ValueSpec } from './types';

/**
 * Checks of a command the source reader does not follow (in a helper, or in what a branch tests
 * besides its unformat), written with the argument names the reader gives and laid over its reading
 * of the command: the arguments themselves stay as read from VPP's source. Each entry says where VPP
 * makes the check; an entry naming an argument a release's reading lacks is not applied to it.
 */
export interface HelperCheck {
  path: string;
  /** Each inner list names arguments of which at least one must be given. */
  required?: readonly (readonly string[])[];
  /** Each inner list names arguments of which at most one may be given. */
  exclusive?: readonly (readonly string[])[];
  /** Other combinations VPP refuses (`CommandSpec.refuses`). */
  refuses?: readonly Refusal[];
  /** Arguments VPP takes only after another one read with one of some values (`ArgSpec.readOnlyAfter`). */
  readOnlyAfter?: readonly ({ name: string } & NonNullable<ArgSpec['readOnlyAfter']>)[];
  /** Limits the helper puts on a value: the `index`th value of the argument `name` (narrows what the reader read). */
  values?: readonly ({ name: string; index: number } & ValueLimits)[];
  /** Where VPP makes the check, and the error it returns. */
  where: string;
}

/** The limits of a number a helper checks. */
export type ValueLimits = Pick<ValueSpec, 'min' | 'max' | 'multipleOf' | 'powerOfTwo' | 'zeroIsDefault' | 'zeroRefused' | 'storedBits'>;

/**
 * vmxnet3 and avf store a queue size read with `%u` in a u16 of their create args (so 65600 is
 * checked as 64), take 0 as their default, then check the size before they look at any device.
 */
const U16_QUEUE_SIZE = { storedBits: 16, zeroIsDefault: true, min: 64, max: 4096 } as const;

export const HELPER_CHECKS: readonly HelperCheck[] = [
  {
    // 25.10 on starts both at 0.0, and the reader reads these checks itself; before, VPP compared
    // values it never set. The bandwidth was 0 in every run: VPP 24.10 refused `set nsim`, `set nsim
    // delay 1.5 us` and `set nsim packet-size 1` ("invalid bandwidth 0.00"). The delay was not:
    // it accepted `set nsim bandwidth 1.5 gbit`, so only the bandwidth is required here
    path: 'set nsim',
    required: [['bandwidth', 'bandwidth#2', 'bandwidth#3', 'bandwidth#4', 'bandwidth#5', 'bandwidth#6']],
    where:
      '`set_nsim_command_fn` in src/plugins/nsim/nsim.c declares `f64 ... delay, bandwidth;` unset (24.02 to 25.06) and `nsim_configure` ' +
      'returns VNET_API_ERROR_INVALID_VALUE for `bandwidth == 0.0` ("invalid bandwidth %.2f") and for `delay == 0.0` ("invalid delay %.2f")',
  },
  {
    // the command ORs a flag per keyword into a struct filled by `foreach_copy_field`; the helper
    // switches on the flags before it looks at any state, so the line alone decides (VPP 26.06:
    // none, two or three of them refused with or without `del`, one accepted, the same one twice too)
    path: 'create gtpu forward',
    required: [['bad-header', 'unknown-teid', 'unknown-type']],
    exclusive: [['bad-header', 'unknown-teid', 'unknown-type']],
    where:
      '`vnet_gtpu_add_del_forwarding` in src/plugins/gtpu/gtpu.c (24.02 to 26.06): `default: return VNET_API_ERROR_INVALID_ARGUMENT`, ' +
      'which `gtpu_forward_command_fn` reports as "one and only one of unknown-teid, unknown-type or bad-header must be specified"',
  },
  {
    // the loop's interface branch fills `sw_if_index0`, then on a second interface `sw_if_index1`
    // (`if (sw_if_index0 == ~0) sw_if_index0 = tmp; else sw_if_index1 = tmp;`): VPP 26.06 refused one
    // interface and accepted two
    path: 'nsim cross-connect enable-disable',
    refuses: [{ without: [{ of: ['interface'], atLeast: 2 }], says: 'Please specify two interfaces...' }],
    where:
      '`nsim_cross_connect_enable_disable_command_fn` in src/plugins/nsim/nsim.c (24.02 to 26.06): ' +
      '`if (sw_if_index0 == ~0 || sw_if_index1 == ~0) return clib_error_return (0, "Please specify two interfaces...")`',
  },
  {
    // the loop reads each into `vrf_id[...]`, then checks every slot in a `for`, which the reader does
    // not follow; 0 is refused whatever else the line has (VPP 26.06: "TCP, UDP VRF ID should not be 0
    // (default). Should be distinct VRF for this purpose.")
    path: 'set interface ip source-and-port-range-check',
    values: ['tcp-out-vrf', 'udp-out-vrf', 'tcp-in-vrf', 'udp-in-vrf'].map((name) => ({ name, index: 0, zeroRefused: true })),
    where:
      '`set_ip_source_and_port_range_check_fn` in src/vnet/ip/ip4_source_and_port_range_check.c (24.02 to 26.06): ' +
      '`for (i = 0; i < IP_SOURCE_AND_PORT_RANGE_CHECK_N_PROTOCOLS; i++) { if (vrf_id[i] == 0) return clib_error_return (...); ...`',
  },
  {
    // the loop tests `args.mode` as read so far (`mode lacp load-balance l34` is taken,
    // `load-balance l34 mode lacp` is not); VPP 26.06 answered the lines pinned in the test
    path: 'create bond',
    readOnlyAfter: [
      { name: 'load-balance', arg: 'mode', values: ['lacp', 'xor'], says: "VPP reads `load-balance` only after `mode lacp` or `mode xor`; otherwise it refuses it as unknown input." },
      { name: 'numa-only', arg: 'mode', values: ['lacp'], says: 'VPP takes `numa-only` only after `mode lacp`: "Only lacp mode supports numa-only so far!"' },
    ],
    where:
      '`bond_create_command_fn` in src/vnet/bonding/cli.c (24.02 to 26.06): `else if (((args.mode == BOND_MODE_LACP) || (args.mode == BOND_MODE_XOR)) && unformat (line_input, "load-balance %U", ...))`, ' +
      'and in the `numa-only` branch `if (args.mode == BOND_MODE_LACP) ... else return clib_error_return (0, "Only lacp mode supports numa-only so far!")`',
  },
  // the loop reads `name` and `index` into `policer_index` (a name through the table of policers,
  // only when one has it); without either, `policer_index` stays ~0 and the command fails whatever
  // VPP holds. VPP 26.06 refused `policer input nmae ref0` ("unknown input `nmae ref0'") even with
  // an interface named `nmae`, and `policer input loop0` with "failed: `-6'"
  ...['policer input', 'policer output', 'policer del', 'policer reset', 'policer bind'].map(
    (path): HelperCheck => ({
      path,
      required: [['name', 'index']],
      where:
        'the `policer_*_command_fn` of src/vnet/policer/policer.c (24.02 to 26.02) and src/plugins/policer/policer_cli.c (26.06): ' +
        '`rv = VNET_API_ERROR_NO_SUCH_ENTRY; if (~0 != policer_index) rv = ...;`, then "failed: `%d\'" or "No such policer"',
    }),
  ),
  {
    // VPP 26.06 and 24.10 refused `rx-queue-size 1` / `2` and `tx-queue-size 1` / `2` this way, with no
    // device at all; the queue numbers it checks first are refused too or depend on the CPUs
    path: 'create interface vmxnet3',
    values: [
      { name: 'rx-queue-size', index: 0, ...U16_QUEUE_SIZE, multipleOf: 64 },
      { name: 'tx-queue-size', index: 0, ...U16_QUEUE_SIZE, multipleOf: 64 },
      // `u16 rxq_num`, 0 taken as 1, checked before anything else: "number of rx queues must be <= %u" (`VMXNET3_RXQ_MAX` 16)
      { name: 'num-rx-queues', index: 0, storedBits: 16, max: 16 },
    ],
    where:
      '`vmxnet3_create_if` in src/plugins/vmxnet3/vmxnet3.c (24.02 to 26.06), first of all (after the queue numbers): ' +
      '`if (!vmxnet3_queue_size_valid (args->rxq_size) || !vmxnet3_queue_size_valid (args->txq_size))` "queue size must be <= 4096, >= 64, and multiples of 64", ' +
      'of `u16 rxq_size` set to `VMXNET3_NUM_RX_DESC` when 0',
  },
  {
    // VPP 24.10 refused `rx-queue-size 1` / `2`: "queue size must not be smaller than 64"
    path: 'create interface avf',
    values: [
      { name: 'rx-queue-size', index: 0, ...U16_QUEUE_SIZE, powerOfTwo: true },
      { name: 'tx-queue-size', index: 0, ...U16_QUEUE_SIZE, powerOfTwo: true },
    ],
    where:
      '`avf_validate_queue_size`, the first thing `avf_create_if` does, in src/plugins/avf/device.c (24.02 to 25.10): ' +
      '0 is `AVF_RXQ_SZ`, then "queue size must not be greater than %u" (`AVF_QUEUE_SZ_MAX` 4096), "... smaller than %u" (`AVF_QUEUE_SZ_MIN` 64), "queue size must be a power of two"',
  },
  {
    // VPP 26.06 and 24.10 refused `ikev2 set liveness 0 1` and `1 0`: "invalid args"
    path: 'ikev2 set liveness',
    values: [
      { name: 'int int', index: 0, zeroRefused: true },
      { name: 'int int', index: 1, zeroRefused: true },
    ],
    where: '`ikev2_set_liveness_params` in src/plugins/ikev2/ikev2.c (24.02 to 26.06): `if (period == 0 || max_retries == 0) return clib_error_return (0, "invalid args")`',
  },
  {
    // VPP 26.06 refused `transmits 0` and `transmits 1024` (its low byte is 0): "transmits must be 1-10"
    path: 'set ip6 dad enable',
    values: [
      { name: 'transmits', index: 0, storedBits: 8, min: 1, max: 10 },
      { name: 'delay', index: 0, min: 0.1, max: 10 },
    ],
    where:
      '`ip6_dad_config` in src/vnet/ip6-nd/ip6_dad.c (26.06), called for a given `transmits` or `delay`: `u8 transmits` read with `%u`, ' +
      '`if (transmits < 1 || transmits > 10)` "transmits must be 1-10", `if (delay < 0.1 || delay > 10.0)` "delay must be 0.1-10.0 seconds"',
  },
];

/** The reading with the helper's checks of its path added, when the reading has every argument they name. */
export function withHelperChecks<T extends Pick<CommandSpec, 'args' | 'required' | 'exclusive' | 'refuses'>>(path: string, reading: T): T {
  const names = new Set((reading.args ?? []).map((a) => a.name));
  let out = reading;
  for (const check of HELPER_CHECKS) {
    if (check.path !== path) continue;
    const refused = (check.refuses ?? []).flatMap((r) => [...(r.with ?? []), ...(r.without ?? []).map((g) => groupOf(g).of)]);
    const groups = [...(check.required ?? []), ...(check.exclusive ?? []), ...refused, ...(check.readOnlyAfter ?? []).map((r) => [r.name, r.arg]), ...(check.values ?? []).map((v) => [v.name])];
    if (!groups.every((g) => g.every((n) => names.has(n)))) continue;
    out = { ...out };
    // a group the reading has already (from a release whose source the reader follows) is not added twice
    if (check.required) out.required = [...(out.required ?? []), ...check.required.filter((g) => !(out.required ?? []).some((h) => sameGroup(g, h)))];
    if (check.exclusive) out.exclusive = [...(out.exclusive ?? []), ...check.exclusive];
    if (check.refuses) out.refuses = [...(out.refuses ?? []), ...check.refuses];
    for (const { name, ...guard } of check.readOnlyAfter ?? []) out.args = out.args?.map((a) => (a.name === name ? { ...a, readOnlyAfter: guard } : a));
    for (const { name, index, ...limits } of check.values ?? []) out.args = out.args?.map((a) => (a.name === name ? { ...a, values: a.values?.map((v, i) => (i === index ? narrowed(v, limits) : v)) } : a));
  }
  return out;
}

/** Two groups naming the same arguments, in any order. */
function sameGroup(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n) => b.includes(n));
}

/** A value with a helper's limits added: a bound narrows one already read. */
function narrowed(value: ValueSpec, limits: ValueLimits): ValueSpec {
  const out: ValueSpec = { ...value, ...limits };
  if (limits.min !== undefined && value.min !== undefined) out.min = Math.max(value.min, limits.min);
  if (limits.max !== undefined && value.max !== undefined) out.max = Math.min(value.max, limits.max);
  return out;
}
