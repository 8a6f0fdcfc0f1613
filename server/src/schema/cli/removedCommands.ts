/**
 * Commands VPP removed before the oldest release modelled here, which real configurations still
 * carry: instead of a did-you-mean on their words, what replaced them.
 */
export interface RemovedCommand {
  /** The words as written, e.g. `tap connect`. */
  readonly path: string;
  readonly message: string;
  /** When the replacement takes the same arguments: the word to write instead of the last word of `path`. */
  readonly replaceLastWord?: string;
}

export const REMOVED_COMMANDS: readonly RemovedCommand[] = [
  {
    path: 'tap connect',
    message: '`tap connect` is tap v1, which VPP removed (no modelled release has it): create a tap v2 interface with `create tap` (e.g. `create tap id 0 host-if-name vpp0`).',
  },
  {
    path: 'tap modify',
    message: '`tap modify` is tap v1, which VPP removed (no modelled release has it): delete the interface and `create tap` again.',
  },
  {
    path: 'tap delete',
    message: '`tap delete` is tap v1, which VPP removed (no modelled release has it): use `delete tap <interface>`.',
  },
  {
    path: 'set ip arp',
    message: '`set ip arp` was replaced by `set ip neighbor`, with the same arguments (no modelled release has `set ip arp`).',
    replaceLastWord: 'neighbor',
  },
];
