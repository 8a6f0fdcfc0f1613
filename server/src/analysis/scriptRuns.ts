import type { Token } from '../syntax/tree';
import type { CommandUse } from './cliModel';
import { effectiveUse } from './interfaceNaming';

/** The script command that runs another script. */
const EXEC_COMMAND = 'exec';

/** The path word of a line that runs another script (`exec FILE`, also inside `uncomment { }`). */
export function execPathOf(lineUse: CommandUse): Token | undefined {
  const use = effectiveUse(lineUse);
  return use?.node.path === EXEC_COMMAND ? use.match?.matches[0]?.values[0]?.token : undefined;
}
