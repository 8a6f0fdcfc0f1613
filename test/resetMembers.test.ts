import { analyze } from '../server/src/analysis/analyze';
import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';
import { lineErrors } from './lintHelpers';

/**
 * A value read into a member of a global (`"uri %s", &hcm->uri` of `hcc_main_t *hcm = &hcc_main;`)
 * and tested after the loop (`if (!hcm->uri)`): known to start at 0 only when the command resets it
 * on its one way out (sourceReader/resetMembers.ts), as hcc_command_fn in
 * src/plugins/hs_apps/http_client_cli.c does (`done: hcc_cleanup ();`, 24.06 on; an inline
 * `vec_free (hcm->uri)` in 24.02).
 */

function read(after: string, extra = '', between = '') {
  const text = `typedef struct { u8 *uri; u8 *query; u32 n; } t_main_t;
t_main_t t_main;
${extra}
static clib_error_t *
test_cmd_fn (vlib_main_t *vm, unformat_input_t *input, vlib_cli_command_t *cmd)
{
  unformat_input_t _line_input, *line_input = &_line_input;
  t_main_t *tm = &t_main;
  clib_error_t *err = 0;
  if (!unformat_user (input, unformat_line_input, line_input))
    return clib_error_return (0, "expected URI");
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "uri %s", &tm->uri))
        ;
      else if (unformat (line_input, "query %s", &tm->query))
        ;
      else if (unformat (line_input, "n %d", &tm->n))
        ;
      else
        {
          err = clib_error_return (0, "unknown input \`%U'", format_unformat_error, line_input);
          goto done;
        }
    }
${between}
  if (!tm->uri)
    {
      err = clib_error_return (0, "URI not defined");
      goto done;
    }
  err = t_run (vm);
${after}
}
VLIB_CLI_COMMAND (test_cmd, static) = {
  .path = "test cmd",
  .function = test_cmd_fn,
};
`;
  const found = readCliFile(text);
  assert.equal(found.length, 1);
  return found[0].reading;
}

const CLEANUP = `static void
t_cleanup ()
{
  t_main_t *tm = &t_main;
  vec_free (tm->uri);
  vec_free (tm->query);
}`;

const afterLoopGroups = (r: ReturnType<typeof read>) => (r.required ?? []).filter((g) => g.length === 1);

describe('members of a global the command resets on its way out', () => {
  it('reset in a helper of the file at the label every way out passes: `if (!tm->uri)` needs `uri` (hcc_command_fn, 24.06 on)', () => {
    const r = read('done:\n  t_cleanup ();\n  unformat_free (line_input);\n  return err;', CLEANUP);
    assert.deepEqual(afterLoopGroups(r), [['uri']]);
  });

  it('reset inline at the label (hcc_command_fn, 24.02)', () => {
    const r = read('done:\n  vec_free (tm->uri);\n  unformat_free (line_input);\n  return err;');
    assert.deepEqual(afterLoopGroups(r), [['uri']]);
  });

  it('not reset (static_server.c keeps `hsm->www_root` after a failed run): nothing is known', () => {
    const r = read('done:\n  unformat_free (line_input);\n  return err;');
    assert.deepEqual(afterLoopGroups(r), []);
  });

  it('another way out than the label, another function writing the member, or the pointer handed on whole: nothing is known', () => {
    const cleanup = 'done:\n  t_cleanup ();\n  return err;';
    assert.deepEqual(afterLoopGroups(read(cleanup.replace('done:', 'if (err)\n    return err;\ndone:'), CLEANUP)), []);
    assert.deepEqual(afterLoopGroups(read(cleanup, `${CLEANUP}\nstatic void t_set () { t_main_t *tm = &t_main; tm->uri = format (0, "x"); }`)), []);
    assert.deepEqual(afterLoopGroups(read(cleanup, CLEANUP, '  t_prepare (tm);')), []);
    // a member written beside it (`hcm->appns_id = appns_id;`) changes nothing
    assert.deepEqual(afterLoopGroups(read(cleanup, CLEANUP, '  tm->n = 1;')), [['uri']]);
  });

  it('VPP 24.10 refused the lines without `uri` (recorded, test/referee/24.10.json)', () => {
    // "http cli client: URI not defined"
    for (const line of ['http cli client prealloc-fifos 1', 'http cli client prealloc-fifos 1 no-output', 'http cli client prealloc-fifos 1 query ref0']) {
      assert.deepEqual(lineErrors(line, '24.10').length, 1, line);
    }
    // "http post: target not defined" (its `uri` reset alike, by hsp_cleanup); VPP says the first of
    // its refusals only, and without `data` or `file` the next one ("data not defined") holds too
    assert.equal(lineErrors('http post uri ref0 data ref0', '24.10').length, 1);
    for (const line of ['http post uri ref0', 'http post uri ref0 use-ptr']) assert.ok(analyze(line, { language: 'cli', release: '24.10' }).diagnostics.some((d) => d.severity === 'error' && /needs `target`/.test(d.message)), line);
    // a bare line gets one error, as VPP gives one ("expected URI")
    assert.equal(lineErrors('http cli client', '24.10').length, 1);
    // with `uri` VPP went on to parse it ("Uri parse error: -19" for `ref0`, which is not ours); a real one passes
    assert.deepEqual(lineErrors('http cli client uri http://192.0.2.1/ no-output', '24.10'), []);
    assert.deepEqual(lineErrors('http post uri http://192.0.2.1/ target /x data abc', '24.10'), []);
  });
});
