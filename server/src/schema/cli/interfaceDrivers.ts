/**
 * CLI commands of the interface drivers that create VPP interfaces backed by Linux or by peers:
 * tap/tun, AF_XDP, vhost-user, AF_PACKET (host-interface) and memif.
 */
import type { CommandSpec } from '../types';
import { AF_PACKET_COMMANDS } from './afPacket';
import { AF_XDP_COMMANDS } from './afXdp';
import { MEMIF_COMMANDS } from './memif';
import { TAP_COMMANDS } from './tap';
import { VHOST_USER_COMMANDS } from './vhostUser';

export const INTERFACE_DRIVER_COMMANDS: readonly CommandSpec[] = [
  ...TAP_COMMANDS,
  ...AF_XDP_COMMANDS,
  ...VHOST_USER_COMMANDS,
  ...AF_PACKET_COMMANDS,
  ...MEMIF_COMMANDS,
];
