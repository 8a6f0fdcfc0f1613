import type { ArgSpec, CommandSpec, Refusal } from './types';

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
  /** Arguments whose one number VPP refuses as 0 (`ValueSpec.zeroRefused`). */
  zeroRefused?: readonly string[];
  /** Other combinations VPP refuses (`CommandSpec.refuses`). */
  refuses?: readonly Refusal[];
  /** Arguments VPP takes only after another one read with one of some values (`ArgSpec.readOnlyAfter`). */
  readOnlyAfter?: readonly ({ name: string } & NonNullable<ArgSpec['readOnlyAfter']>)[];
  /** Where VPP makes the check, and the error it returns. */
  where: string;
}

export const HELPER_CHECKS: readonly HelperCheck[] = [
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
    zeroRefused: ['tcp-out-vrf', 'udp-out-vrf', 'tcp-in-vrf', 'udp-in-vrf'],
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
];

/** The reading with the helper's checks of its path added, when the reading has every argument they name. */
export function withHelperChecks<T extends Pick<CommandSpec, 'args' | 'required' | 'exclusive' | 'refuses'>>(path: string, reading: T): T {
  const names = new Set((reading.args ?? []).map((a) => a.name));
  let out = reading;
  for (const check of HELPER_CHECKS) {
    if (check.path !== path) continue;
    const refused = (check.refuses ?? []).flatMap((r) => [...(r.with ?? []), ...(r.without ?? []).map((g) => (Array.isArray(g) ? g : (g as { of: readonly string[] }).of))]);
    const groups = [...(check.required ?? []), ...(check.exclusive ?? []), ...refused, check.zeroRefused ?? [], ...(check.readOnlyAfter ?? []).map((r) => [r.name, r.arg])];
    if (!groups.every((g) => g.every((n) => names.has(n)))) continue;
    out = { ...out };
    if (check.required) out.required = [...(out.required ?? []), ...check.required];
    if (check.exclusive) out.exclusive = [...(out.exclusive ?? []), ...check.exclusive];
    if (check.refuses) out.refuses = [...(out.refuses ?? []), ...check.refuses];
    // the one number of each: a value 0 is refused
    const zero = new Set(check.zeroRefused ?? []);
    if (zero.size) out.args = out.args?.map((a) => (zero.has(a.name) && a.values?.length === 1 ? { ...a, values: [{ ...a.values[0], zeroRefused: true }] } : a));
    for (const { name, ...guard } of check.readOnlyAfter ?? []) out.args = out.args?.map((a) => (a.name === name ? { ...a, readOnlyAfter: guard } : a));
  }
  return out;
}
