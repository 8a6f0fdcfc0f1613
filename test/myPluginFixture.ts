import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small plugin written for the tests in VPP's style: two CLI commands and a config function. */
export const MYPLUGIN_C = `/*
 * myplugin.c - a plugin written for the tests
 */
#include <vnet/vnet.h>
#include <vnet/plugin/plugin.h>
#define MYPLUGIN_DEFAULT_TABLE 1024 \\
  /* a continued macro, so that lines are not counted from the stripped text */

typedef struct { u32 table_size; u8 verbose; } myplugin_main_t;
myplugin_main_t myplugin_main;

static clib_error_t *
myplugin_enable_disable_command_fn (vlib_main_t * vm,
                                    unformat_input_t * input,
                                    vlib_cli_command_t * cmd)
{
  u32 sw_if_index = ~0;
  int enable_disable = 1;
  u32 table_id = 0;

  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "disable"))
        enable_disable = 0;
      else if (unformat (input, "%U", unformat_vnet_sw_interface,
                         vnet_get_main (), &sw_if_index))
        ;
      else if (unformat (input, "table %u", &table_id))
        ;
      else
        break;
    }

  if (sw_if_index == ~0)
    return clib_error_return (0, "Please specify an interface...");
  return 0;
}

VLIB_CLI_COMMAND (myplugin_enable_disable_command, static) = {
  .path = "myplugin enable-disable",
  .short_help = "myplugin enable-disable <interface-name> [table <n>] [disable]",
  .function = myplugin_enable_disable_command_fn,
};

static clib_error_t *
myplugin_show_command_fn (vlib_main_t * vm, unformat_input_t * input,
                          vlib_cli_command_t * cmd)
{
  int verbose = 0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "verbose"))
        verbose = 1;
      else
        return clib_error_return (0, "unknown input '%U'",
                                  format_unformat_error, input);
    }
  return 0;
}

VLIB_CLI_COMMAND (myplugin_show_command, static) = {
  .path = "show myplugin",
  .short_help = "show myplugin [verbose]",
  .function = myplugin_show_command_fn,
};

static clib_error_t *
myplugin_config (vlib_main_t * vm, unformat_input_t * input)
{
  myplugin_main_t *mp = &myplugin_main;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "table-size %u", &mp->table_size))
        ;
      else if (unformat (input, "verbose"))
        mp->verbose = 1;
      else
        return clib_error_return (0, "unknown input '%U'",
                                  format_unformat_error, input);
    }
  return 0;
}

VLIB_CONFIG_FUNCTION (myplugin_config, "myplugin");

VLIB_PLUGIN_REGISTER () = {
  .version = "1.0",
  .description = "My plugin, written for the tests",
};
`;

/** The 0-based line of the first line of MYPLUGIN_C that contains `text`. */
export function lineOfFixture(text: string): number {
  return MYPLUGIN_C.split('\n').findIndex((l) => l.includes(text));
}

/** A workspace folder with src/plugins/myplugin/myplugin.c in it. */
export function pluginWorkspace(): { root: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'vpp-plugin-ws-'));
  const folder = join(root, 'src', 'plugins', 'myplugin');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'myplugin.c');
  writeFileSync(file, MYPLUGIN_C);
  return { root, file };
}

/** A generated tree of `files` C files (50 per plugin folder), each registering `show p<d>-f<f>` with a loop of two options. */
export function generatedTree(files: number): string {
  const root = mkdtempSync(join(tmpdir(), 'vpp-src-tree-'));
  for (let n = 0; n < files; n++) {
    const d = Math.floor(n / 50);
    const folder = join(root, 'src', 'plugins', `p${d}`);
    if (n % 50 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${n % 50}.c`), generatedCommand(d, n % 50));
  }
  return root;
}

/** One C file of a generated tree: a command with a parse loop of two options. */
function generatedCommand(d: number, f: number): string {
  return `static clib_error_t *
cmd_${d}_${f}_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  u32 n = 0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "count %u", &n))
        ;
      else if (unformat (input, "verbose"))
        ;
      else
        return clib_error_return (0, "unknown input");
    }
  return 0;
}

VLIB_CLI_COMMAND (cmd_${d}_${f}, static) = {
  .path = "show p${d}-f${f}",
  .short_help = "show p${d}-f${f} [count <n>] [verbose]",
  .function = cmd_${d}_${f}_fn,
};
`;
}
