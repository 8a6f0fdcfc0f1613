import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, endOf, eventually, exampleUri, labelOf, openText } from './editor';

/** A plugin of the user's own, in VPP's style, written into the workspace while VS Code runs. */
const PLUGIN_C = `#include <vnet/vnet.h>

static clib_error_t *
e2eplug_enable_command_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  unformat_input_t _line_input, *line_input = &_line_input;
  u32 sw_if_index = ~0, table_id = 0;
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnet_get_main (), &sw_if_index))
        ;
      else if (unformat (line_input, "table %u", &table_id))
        ;
      else if (unformat (line_input, "fast-path"))
        ;
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
    }
  return 0;
}

VLIB_CLI_COMMAND (e2eplug_enable_command, static) = {
  .path = "e2eplug enable",
  .short_help = "e2eplug enable <interface> [table <n>] [fast-path]",
  .function = e2eplug_enable_command_fn,
};
`;

describe('your own VPP sources', () => {
  it('completes the command of a plugin written in the workspace, and its options, without a restart', async () => {
    await activeExtension();
    const source = exampleUri('e2eplug.c');
    await vscode.workspace.fs.writeFile(source, Buffer.from(PLUGIN_C));
    try {
      const items = async (text: string) => {
        const doc = await openText('vpp-cli', text);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, endOf(doc));
        return list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map(labelOf);
      };
      await eventually('the plugin command among the completions', async () => (await items('e2eplug ')).includes('enable'), 30_000);
      const options = await items('e2eplug enable loop0 ');
      assert.ok(options.includes('table') && options.includes('fast-path'), options.join(', '));
    } finally {
      await vscode.workspace.fs.delete(source);
    }
  });
});
