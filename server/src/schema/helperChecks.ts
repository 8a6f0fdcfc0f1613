import type { CommandSpec } from './types';

/**
 * Checks a command leaves to a helper the source reader does not follow, written as the same
 * argument-name groups the reader writes (`required`, `exclusive`) and laid over its reading of the
 * command: the arguments themselves stay as read from VPP's source. Each entry says where VPP
 * makes the check; an entry naming an argument a release's reading lacks is not applied to it.
 */
export interface HelperCheck {
  path: string;
  /** Each inner list names arguments of which at least one must be given. */
  required?: readonly (readonly string[])[];
  /** Each inner list names arguments of which at most one may be given. */
  exclusive?: readonly (readonly string[])[];
  /** The helper and the error VPP returns from it. */
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
];

/** The reading with the helper's checks of its path added, when the reading has every argument they name. */
export function withHelperChecks<T extends Pick<CommandSpec, 'args' | 'required' | 'exclusive'>>(path: string, reading: T): T {
  const names = new Set((reading.args ?? []).map((a) => a.name));
  let out = reading;
  for (const check of HELPER_CHECKS) {
    if (check.path !== path) continue;
    const groups = [...(check.required ?? []), ...(check.exclusive ?? [])];
    if (!groups.every((g) => g.every((n) => names.has(n)))) continue;
    out = {
      ...out,
      required: [...(out.required ?? []), ...(check.required ?? [])],
      exclusive: [...(out.exclusive ?? []), ...(check.exclusive ?? [])],
    };
  }
  return out;
}
