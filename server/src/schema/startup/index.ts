/**
 * Every startup.conf section VPP registers, in every release we model. Sections present only in
 * some releases carry `releases`; plugin sections carry `plugin`.
 */
import type { StartupParam } from '../types';
import { CORE_SECTIONS } from './core';
import { DPDK_SECTIONS } from './dpdk';
import { NETWORK_SECTIONS } from './network';
import { PLUGIN_SECTIONS } from './plugins';

export const STARTUP_SECTIONS: readonly StartupParam[] = [...CORE_SECTIONS, ...DPDK_SECTIONS, ...NETWORK_SECTIONS, ...PLUGIN_SECTIONS];
