import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';

/**
 * The C reader on small command functions written the way VPP writes them: what it reads, and
 * when it stays loose (with why) instead of guessing.
 */

function command(fn: string, path = 'test cmd'): string {
  return `${fn}\nVLIB_CLI_COMMAND (test_cmd, static) = {\n  .path = "${path}",\n  .short_help = "${path} ...",\n  .function = test_cmd_fn,\n};\n`;
}

function read(body: string, extra = '') {
  const text = `${extra}\nstatic clib_error_t *\ntest_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)\n{\n${body}\n}\n`;
  const found = readCliFile(command(text));
  assert.equal(found.length, 1);
  return found[0].reading;
}

const LINE_INPUT = `  unformat_input_t _line_input, *line_input = &_line_input;
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
`;

/** Each arg as `keyword value-kinds...`, with `<>` for a positional value. */
function shape(reading: ReturnType<typeof read>): string[] {
  return reading.args.map((a) => [a.keyword ?? '<>', ...(a.values ?? []).map((v) => (v.kind === 'enum' ? v.values!.join('|') : v.kind))].join(' '));
}

describe('reading VPP command parsers', () => {
  it('reads a parse loop that refuses unknown input: keywords, values, a bare command as a no-op', () => {
    const r = read(`${LINE_INPUT}
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "vni %d", &vni))
        ;
      else if (unformat (line_input, "src %U", unformat_ip4_address, &src))
        ;
      else if (unformat (line_input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (line_input, "prefix %U/%d", unformat_ip6_address, &a, &len))
        ;
      else if (unformat (line_input, "delete") || unformat (line_input, "del"))
        is_add = 0;
      else
        {
          error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;
        }
    }
done:
  unformat_free (line_input);
  return error;`);
    assert.equal(r.strict, true);
    assert.equal(r.bareIsNoop, true);
    assert.deepEqual(shape(r), ['vni int', 'src ip4', '<> interface', 'prefix ip6-prefix', 'delete', 'del']);
  });

  it('a loop that breaks on an unknown word stops reading there (ignoresRest), not an error', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "static"))
        is_static = 1;
      else
        break;
    }`);
    assert.equal(r.strict, true);
    assert.equal(r.ignoresRest, true);
  });

  it('reads the checks after the loop as required arguments', () => {
    const r = read(`  u32 sw_if_index = ~0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (input, "host-if %s", &host_if))
        ;
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }
  if (sw_if_index == ~0)
    return clib_error_return (0, "missing interface");`);
    assert.deepEqual(r.required, [['interface']]);
  });

  it('no required argument when a check may be skipped by an earlier return', () => {
    const r = read(`  u32 sw_if_index = ~0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else if (unformat (input, "flush"))
        is_flush = 1;
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }
  if (is_flush)
    {
      flush_all ();
      return 0;
    }
  if (sw_if_index == ~0)
    return clib_error_return (0, "missing interface");`);
    assert.equal(r.required, undefined);
  });

  it('reads a function without a loop as a fixed sequence whose failing reads are required', () => {
    const r = read(`  if (!unformat_user (input, unformat_vnet_sw_interface, vnm, &sw_if_index))
    return clib_error_return (0, "unknown interface '%U'", format_unformat_error, input);
  if (unformat (input, "up"))
    flags = 1;
  else if (unformat (input, "down"))
    flags = 0;
  else
    return clib_error_return (0, "expected up or down");`);
    assert.equal(r.strict, true);
    assert.equal(r.order, 'sequence');
    assert.equal(r.ignoresRest, true);
    assert.deepEqual(r.required, [['interface'], ['up', 'down']]);
  });

  it('follows a word-list unformat function written with an X-macro', () => {
    const macros = `#define foreach_mode \\\n  _ (1, FAST, "fast") \\\n  _ (2, SLOW, "slow")
uword
unformat_test_mode (unformat_input_t * input, va_list * args)
{
  u8 *r = va_arg (*args, u8 *);
  if (0);
#define _(v, f, s) else if (unformat (input, s)) *r = v;
  foreach_mode
#undef _
  else
    return 0;
  return 1;
}`;
    const r = read(
      `  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "mode %U", unformat_test_mode, &mode))
        ;
      else
        return clib_error_return (0, "unknown input");
    }`,
      macros,
    );
    assert.deepEqual(shape(r), ['mode fast|slow']);
  });

  it('stays loose, saying why, on what it does not follow', () => {
    const unknownFn = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "mask %U", unformat_classify_mask, &mask))
        ;
      else
        return clib_error_return (0, "unknown input");
    }`);
    assert.equal(unknownFn.strict, false);
    assert.match(unknownFn.reason!, /unformat_classify_mask/);
    const nested = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "record"))
        {
          if (unformat (input, "l2")) l2 = 1;
          if (unformat (input, "l3")) l3 = 1;
        }
      else
        return clib_error_return (0, "unknown input");
    }`);
    assert.equal(nested.strict, false);
    assert.match(nested.reason!, /reads further/);
  });

  it('reads one more read in a branch as the values that follow its keyword, required or optional', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "gso-enabled"))
        {
          if (unformat (input, "gso-size %u", &size))
            ;
          else
            return clib_error_create ("gso enabled but gso size missing");
        }
      else if (unformat (input, "record"))
        {
          if (unformat (input, "l2")) l2 = 1;
        }
      else if (unformat (input, "pg%u", &id))
        ;
      else
        return clib_error_return (0, "unknown input");
    }`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), ['gso-enabled gso-size uint', 'record l2', 'record', '<> uint']);
    assert.equal(r.args[3].values![0].prefix, 'pg');
  });

  it('a function that never reads its input is strict: it reads no arguments', () => {
    const r = read('  vlib_cli_output (vm, "hello");\n  return 0;');
    assert.equal(r.readsNoArgs, true);
    assert.equal(r.strict, true);
    assert.deepEqual(r.args, []);
  });
});
