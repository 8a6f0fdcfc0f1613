import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';

/**
 * The C reader on the parse-loop shapes VPP writes besides one `if / else if` chain, each in the
 * shape of the VPP function it was taught on (named per case): what it reads, and where it stays
 * loose.
 */

function read(body: string) {
  const text = `static clib_error_t *\ntest_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)\n{\n${body}\n}\nVLIB_CLI_COMMAND (test_cmd, static) = {\n  .path = "test cmd",\n  .function = test_cmd_fn,\n};\n`;
  const found = readCliFile(text);
  assert.equal(found.length, 1);
  return found[0].reading;
}

/** Each arg as `keyword value-kinds...`, with `<>` for a positional value. */
function shape(reading: ReturnType<typeof read>): string[] {
  return reading.args.map((a) => [a.keyword ?? '<>', ...(a.values ?? []).map((v) => (v.kind === 'enum' ? v.values!.join('|') : v.kind))].join(' '));
}

const UNKNOWN = `error = clib_error_return (0, "unknown input '%U'", format_unformat_error, line_input);
          goto done;`;

describe('reading VPP command parsers: loop shapes besides one chain', () => {
  it('opens a loop VPP runs only when the line has words (bvi create, show interface)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  clib_error_t *error = NULL;
  if (unformat_user (input, unformat_line_input, line_input))
    {
      while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
        {
          if (unformat (line_input, "mac %U", unformat_mac_address_t, &mac))
            ;
          else if (unformat (line_input, "instance %d", &instance))
            ;
          else
            {
              error = clib_error_return (0, "unknown input: %U", format_unformat_error, line_input);
              break;
            }
        }
      unformat_free (line_input);
      if (error)
        return error;
    }
  return 0;`);
    assert.equal(r.strict, true);
    assert.equal(r.bareIsNoop, undefined);
    assert.deepEqual(shape(r), ['mac mac', 'instance int']);
  });

  it('reads the required first words before the loop (lb vip, set interface secondary-mac-address)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
  if (!unformat (line_input, "%U", unformat_ip_prefix, &pfx))
    {
      error = clib_error_return (0, "invalid vip prefix: '%U'", format_unformat_error, line_input);
      goto done;
    }
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "encap gre4"))
        encap = 1;
      else
        {
          ${UNKNOWN}
        }
    }
done:
  unformat_free (line_input);
  return error;`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), ['<> ip-prefix', 'encap gre4']);
    assert.deepEqual(r.required, [['ip-prefix']]);
    // a read before the loop that is not required is not followed
    const optional = read(`  if (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    unformat (input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index);
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "table %d", &t))
        ;
      else
        break;
    }`);
    assert.equal(optional.strict, false);
    assert.match(optional.reason!, /outside its loop/);
  });

  it('reads several chains in a row as one (igmp, create loopback interface), and `continue`s (set flow-offload vxlan)', () => {
    const igmp = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "enable"))
        enable = 1;
      else if (unformat (input, "disable"))
        enable = 0;
      if (unformat (input, "host"))
        mode = 1;
      else if (unformat (input, "%U", unformat_vnet_sw_interface, vnm, &sw_if_index))
        ;
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }`);
    assert.equal(igmp.strict, true);
    assert.equal(igmp.ignoresRest, undefined);
    assert.deepEqual(shape(igmp), ['enable', 'disable', 'host', '<> interface']);
    const offload = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      u32 n;
      if (unformat (input, "hw %U", unformat_vnet_hw_interface, vnm, &hw_if_index))
        continue;
      if (unformat (input, "del"))
        {
          is_add = 0;
          continue;
        }
      return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }`);
    assert.equal(offload.strict, true);
    assert.deepEqual(shape(offload), ['hw interface', 'del']);
    // a chain before the last with a final else of its own decides on its own: not followed
    const elsewise = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "a"))
        ;
      else
        x = 1;
      if (unformat (input, "b"))
        ;
      else
        break;
    }`);
    assert.equal(elsewise.strict, false);
  });

  it('reads a guard branch as the words of its inner chain (nat44 plugin enable | disable)', () => {
    // the flags start at 0, as in VPP's function: a check after the loop counts on a known start
    const r = read(`  u8 enable_set = 0, enable = 0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "sessions %u", &sessions))
        ;
      else if (!enable_set)
        {
          enable_set = 1;
          if (unformat (input, "disable"))
            ;
          else if (unformat (input, "enable"))
            enable = 1;
        }
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }
  if (!enable_set)
    return clib_error_return (0, "expected enable | disable");`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), ['sessions uint', 'disable', 'enable']);
    assert.deepEqual(r.required, [['disable', 'enable']]);
  });

  it('follows reads nested after a keyword (session enable rt-backend, set sw_scheduler) and optional reads in a row (nat64 plugin enable)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "enable"))
        {
          if (unformat (input, "rt-backend"))
            if (unformat (input, "sdl"))
              t = 1;
            else if (unformat (input, "rule-table"))
              t = 2;
            else
              return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
          else
            t = 0;
        }
      else if (unformat (input, "worker %u", &w))
        {
          if (unformat (input, "on") || unformat (input, "enable"))
            on = 1;
          else
            return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
        }
      else if (unformat (input, "start"))
        {
          unformat (input, "bib-buckets %u", &b);
          unformat (input, "st-memory %u", &m);
        }
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), [
      'enable rt-backend sdl',
      'enable rt-backend rule-table',
      'enable',
      'worker uint on',
      'worker uint enable',
      'start',
      'start st-memory uint',
      'start bib-buckets uint',
      'start bib-buckets uint st-memory uint',
    ]);
  });

  it('takes a final else that only prints and leaves as stopping there, without required arguments (lisp map-register)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  if (!unformat_user (input, unformat_line_input, line_input))
    return clib_error_return (0, "expected enable | disable");
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (line_input, "enable"))
        is_set = 1;
      else
        {
          vlib_cli_output (vm, "parse error: '%U'", format_unformat_error, line_input);
          goto done;
        }
    }
  if (!is_set)
    return clib_error_return (0, "state not set");
done:
  unformat_free (line_input);
  return 0;`);
    assert.equal(r.strict, true);
    assert.equal(r.ignoresRest, true);
    // VPP jumps over the check on an unknown word, and does not refuse a line that has one
    assert.equal(r.required, undefined);
  });

  it('keeps an error from unformat_parse_error, and one the function returns at its end (show sfdp tenant, lcp create)', () => {
    const kept = read(`  unformat_input_t line_input_, *line_input = &line_input_;
  clib_error_t *err = 0;
  if (unformat_user (input, unformat_line_input, line_input))
    {
      while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
        {
          if (unformat (line_input, "%d detail", &id))
            detail = 1;
          else
            {
              err = unformat_parse_error (line_input);
              break;
            }
        }
      unformat_free (line_input);
    }
  if (!err)
    show (vm, id);
  return err;`);
    assert.equal(kept.strict, true);
    assert.equal(kept.ignoresRest, undefined);
  });

  it('reads a route path as the rest of the line and requires nothing beside it (ip punt redirect)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "rx %U", unformat_vnet_sw_interface, vnm, &rx))
        ;
      else if (unformat (input, "via %U", unformat_fib_route_path, &rpath, &proto))
        vec_add1 (rpaths, rpath);
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }
  if (~0 == rx)
    return clib_error_return (0, "missing rx");`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), ['rx interface', 'via rest']);
    // `via 10.0.0.1 loop1 rx loop0`: the rx after the path is read by VPP, so it cannot be required
    assert.equal(r.required, undefined);
  });

  it('reads a LISP EID as one word (a prefix, a MAC, EID|EID) or as the two words of an NSH path (unformat_gid_address)', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "eid %U", unformat_gid_address, &eid))
        ;
      else
        return clib_error_return (0, "unknown input '%U'", format_unformat_error, input);
    }`);
    assert.equal(r.strict, true);
    assert.deepEqual(shape(r), ['eid lisp-eid', 'eid int int']);
    assert.deepEqual(r.args[1].values!.map((v) => v.prefix), ['SPI:', 'SI:']);
  });

  it('expands a parameter list written as an X-macro in the function, read with a macro of the file (bfd_cli.c)', () => {
    const text = `#define INTERFACE_STR "interface"
#define MULTIHOP_STR "multihop"
#define UNFORMAT(t, n, s, r, ...)              \\
  if (unformat (line_input, s " " __VA_ARGS__, &n)) \\
    {                                          \\
      something_parsed = 1;                    \\
      have_##n = 1;                            \\
    }
#define DECLARE(t, n, s, r, ...) int have_##n = 0; t n;
static clib_error_t *
test_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  unformat_input_t _line_input, *line_input = &_line_input;
#define foreach_test_cli_param(F)                          \\
  F (bool, multihop, MULTIHOP_STR, optional, "%_")          \\
  F (u32, sw_if_index, INTERFACE_STR, optional, "%U",      \\
     unformat_vnet_sw_interface, &vnet_main)               \\
  F (u32, detect_mult, "detect-mult", mandatory, "%u")
  foreach_test_cli_param (DECLARE);
  if (!unformat_user (input, unformat_line_input, line_input))
    return 0;
  while (unformat_check_input (line_input) != UNFORMAT_END_OF_INPUT)
    {
      int something_parsed = 0;
      foreach_test_cli_param (UNFORMAT);
      if (!something_parsed)
        {
          ret = clib_error_return (0, "Unknown input \`%U'", format_unformat_error, line_input);
          goto out;
        }
    }
out:
  return ret;
}
VLIB_CLI_COMMAND (test_cmd, static) = {
  .path = "test cmd",
  .function = test_cmd_fn,
};
`;
    const [found] = readCliFile(text);
    assert.equal(found.reading.strict, true, found.reading.reason);
    assert.deepEqual(shape(found.reading), ['multihop', 'interface interface', 'detect-mult uint']);
  });

  it('expands a `#define _` template over a foreach list inside the loop, `#a` made a string (set ip flow-hash)', () => {
    const text = `static clib_error_t *
test_cmd_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  int matched = 0;
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "table %d", &table_id))
        matched = 1;
#define _(a, b, v) \\
  else if (unformat (input, #a)) \\
  { \\
    config |= v; \\
    matched = 1; \\
  }
      foreach_test_bit
#undef _
      else
        break;
    }
  if (matched == 0)
    return clib_error_return (0, "unknown input");
  return 0;
}
VLIB_CLI_COMMAND (test_cmd, static) = {
  .path = "test cmd",
  .function = test_cmd_fn,
};
`;
    // the list lives in a header: the extraction tool passes the release's lists
    const lists = new Map([['foreach_test_bit', '_ (src, 0, HASH_SRC) _ (dport, 3, HASH_DPORT)']]);
    const [found] = readCliFile(text, undefined, lists);
    assert.equal(found.reading.strict, true, found.reading.reason);
    assert.equal(found.reading.ignoresRest, true);
    assert.deepEqual(shape(found.reading), ['table int', 'src', 'dport']);
    assert.deepEqual(found.reading.required, [['table', 'src', 'dport']]);
    // without the list the function is not followed
    assert.equal(readCliFile(text)[0].reading.strict, false);
  });

  it('stays loose when VPP skips the whole line in some state (auto-sdl while the sdl engine is off)', () => {
    const r = read(`  if (session_sdl_is_enabled () == 0)
    {
      unformat_skip_line (input);
      vlib_cli_output (vm, "session sdl engine is not enabled");
      goto done;
    }
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "enable"))
        enable = 1;
      else
        return clib_error_return (0, "unknown input");
    }
done:
  return 0;`);
    assert.equal(r.strict, false);
    assert.match(r.reason!, /skips the whole line/);
  });

  it('accepts and ignores any words when the function takes its line and frees it unread (show crypto engines)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  if (unformat_user (input, unformat_line_input, line_input))
    unformat_free (line_input);
  vlib_cli_output (vm, "%-20s%-8s%s", "Name", "Prio", "Description");
  return 0;`);
    assert.equal(r.strict, true, r.reason);
    assert.equal(r.ignoresRest, true);
    assert.deepEqual(r.args, []);
    // the line handed on to a helper is read there: not this
    const handed = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  if (unformat_user (input, unformat_line_input, line_input))
    {
      error = parse_it (line_input);
      unformat_free (line_input);
    }
  return error;`);
    assert.notEqual(handed.ignoresRest, true);
  });

  it('reads no input when its name is only in a string or cast away (show snort interfaces, test sfdp expiry enable)', () => {
    const quoted = read(`  if (vec_len (s))
    vlib_cli_output (vm, "input instances:\\n%v", s);
  return 0;`);
    assert.equal(quoted.strict, true, quoted.reason);
    assert.equal(quoted.readsNoArgs, true);
    const cast = read(`  (void) vm;
  (void) input;
  sfdp_enable_disable_expiry_node (false, false);
  return NULL;`);
    assert.equal(cast.readsNoArgs, true);
  });

  it('drops end-of-input tests beside the reads of a sequence (set bridge-domain rewrite, set sr encaps hop-limit)', () => {
    const rw = read(`  if (unformat_check_input (input) == UNFORMAT_END_OF_INPUT ||
      !unformat (input, "%d", &bridge_domain))
    {
      return clib_error_return (0, "You must specify a bridge domain");
    }
  if (unformat_check_input (input) != UNFORMAT_END_OF_INPUT &&
      unformat (input, "disable"))
    {
      disable = 1;
    }
  return 0;`);
    assert.equal(rw.strict, true, rw.reason);
    assert.deepEqual(shape(rw), ['<> int', 'disable']);
    assert.deepEqual(rw.required, [['int']]);
    const hop = read(`  if (unformat_check_input (input) == UNFORMAT_END_OF_INPUT)
    return clib_error_return (0, "No value specified");
  if (!unformat (input, "%d", &hop_limit))
    return clib_error_return (0, "Invalid value");
  return 0;`);
    assert.equal(hop.strict, true, hop.reason);
    assert.deepEqual(hop.required, [['int']]);
    // a positive read after `== UNFORMAT_END_OF_INPUT ||` means something else: not rewritten
    const other = read(`  if (unformat_check_input (input) == UNFORMAT_END_OF_INPUT || unformat (input, "all"))
    all = 1;
  return 0;`);
    assert.equal(other.strict, false);
  });

  it('takes a bitmap list, ACL table types and device lists as the rest of the line, and the one-word readers by their kind', () => {
    const r = read(`  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "workers %U", unformat_bitmap_list, &bitmap))
        ;
      else if (unformat (input, "throughput %U", unformat_base10, &rate))
        ;
      else if (unformat (input, "csum-mode %U", unformat_ila_csum_mode, &mode))
        ;
      else
        return clib_error_return (0, "unknown input");
    }
  return 0;`);
    assert.equal(r.strict, true, r.reason);
    assert.deepEqual(shape(r), ['workers rest', 'throughput string', 'csum-mode none|no-action|neutral-map|adjust-transport']);
  });

  it('refuses any words when a line is an error and no line runs (show quic)', () => {
    const r = read(`  unformat_input_t _line_input, *line_input = &_line_input;
  clib_error_t *error = 0;
  if (!unformat_user (input, unformat_line_input, line_input))
    {
      quic_show_aggregated_stats (vm);
      return 0;
    }
  else
    {
      error = clib_error_return (0, "unknown input \`%U'", format_unformat_error, line_input);
      goto done;
    }
done:
  unformat_free (line_input);
  return error;`);
    assert.equal(r.strict, true, r.reason);
    assert.deepEqual(r.args, []);
    assert.notEqual(r.ignoresRest, true);
  });

  it('takes a `%s` whose failure only prints as optional: it fails on an empty line alone (event-logger save)', () => {
    const r = read(`  if (!unformat (input, "%s", &file))
    {
      vlib_cli_output (vm, "expected file name, got \`%U'", format_unformat_error, input);
      return 0;
    }
  return 0;`);
    assert.equal(r.strict, true, r.reason);
    assert.deepEqual(shape(r), ['<> string']);
    assert.equal(r.required, undefined);
    // a read that can fail on a word VPP then only prints about stays loose
    const ip = read(`  if (!unformat (input, "%U", unformat_ip4_address, &a))
    {
      vlib_cli_output (vm, "expected an address");
      return 0;
    }
  return 0;`);
    assert.equal(ip.strict, false);
  });
});

