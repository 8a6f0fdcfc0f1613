import { strict as assert } from 'node:assert';
import { readCliFile } from '../server/src/sourceReader/index';
import { findFunctionBodies } from '../server/src/sourceReader/registrations';
import { described, lineErrors, lintScript } from './lintHelpers';

/**
 * The checks of a helper the command hands its values to (sourceReader/calleeChecks.ts), on
 * functions written the way VPP writes them; the VPP function each test follows is named.
 */

function readFile(text: string) {
  const found = readCliFile(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].reading.strict, true, found[0].reading.reason);
  return found[0].reading;
}

/** nsim.c: `set nsim` passes what it read to nsim_configure and switches on its answer. */
const NSIM = (handling: string, helperStart = '') => `
int
nsim_configure (nsim_main_t *nsm, f64 bandwidth, f64 delay, u32 packet_size)
{
  int i, num_workers = vlib_num_workers ();
  vlib_main_t *vm = nsm->vlib_main;
${helperStart}
  if (bandwidth == 0.0)
    return VNET_API_ERROR_INVALID_VALUE;

  if (delay == 0.0)
    return VNET_API_ERROR_INVALID_VALUE_2;

  if (packet_size < 64 || packet_size > 9000)
    return VNET_API_ERROR_INVALID_VALUE_3;

  nsm->delay = delay;
  return 0;
}

static clib_error_t *
set_nsim_command_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  f64 delay = 0.0, bandwidth = 0.0;
  u32 packet_size = 1500;
  nsim_main_t *nsm = &nsim_main;
  int rv;

  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "delay %f", &delay))
	;
      else if (unformat (input, "bandwidth %f", &bandwidth))
	;
      else if (unformat (input, "packet-size %u", &packet_size))
	;
      else
	break;
    }

  rv = nsim_configure (nsm, bandwidth, delay, packet_size);
${handling}
  return 0;
}

VLIB_CLI_COMMAND (set_nsim_command, static) = {
  .path = "set nsim",
  .function = set_nsim_command_fn,
};
`;

const NSIM_SWITCH = `
  switch (rv)
    {
    case VNET_API_ERROR_INVALID_VALUE:
      return clib_error_return (0, "invalid bandwidth %.2f", bandwidth);

    case VNET_API_ERROR_INVALID_VALUE_2:
      return clib_error_return (0, "invalid delay %.2f", delay);

    default:
      return clib_error_return (0, "error %d", rv);

    case 0:
      break;
    }`;

describe('the checks of a helper the command calls', () => {
  it('reads the helper\'s leading checks in the command\'s variables, through the switch on its answer (set_nsim_command_fn)', () => {
    assert.deepEqual(readFile(NSIM(NSIM_SWITCH)).required, [['bandwidth'], ['delay']]);
  });

  it('follows arms that keep the error for `done:` and an arm with output before its break (gtpu_add_del_forwarding_command_fn)', () => {
    const kept = NSIM(`  clib_error_t *error = 0;
  switch (rv)
    {
    case 0:
      vlib_cli_output (vm, "configured");
      break;
    case VNET_API_ERROR_INVALID_VALUE:
      error = clib_error_return (0, "invalid bandwidth");
      goto done;
    default:
      error = clib_error_return (0, "returned %d", rv);
      goto done;
    }
done:
  return error;`);
    assert.deepEqual(readFile(kept).required, [['bandwidth'], ['delay']]);
  });

  it('takes `if (rv)` and `if (rv < 0)` as an error for any code the helper returns', () => {
    const withIf = NSIM('  if (rv)\n    return clib_error_return (0, "failed: %d", rv);');
    assert.deepEqual(readFile(withIf).required, [['bandwidth'], ['delay']]);
    const negative = NSIM('  if (rv < 0)\n    return clib_error_return (0, "failed: %d", rv);');
    assert.deepEqual(readFile(negative).required, [['bandwidth'], ['delay']]);
  });

  it('stops at a helper\'s return that the command does not turn into an error', () => {
    // only INVALID_VALUE_2 is an error: an earlier return of INVALID_VALUE makes the command succeed
    const onlyDelay = NSIM('  if (rv == VNET_API_ERROR_INVALID_VALUE_2)\n    return clib_error_return (0, "invalid delay");');
    assert.equal(readFile(onlyDelay).required, undefined);
    // a return of 0 before the checks: they do not run for every line
    const early = NSIM(NSIM_SWITCH, '  if (nsm->is_configured)\n    return 0;');
    assert.equal(readFile(early).required, undefined);
  });

  it('says nothing of a variable declared without a value: VPP 24.10 declared `f64 delay, bandwidth;` and accepted `set nsim bandwidth 1 gbit`', () => {
    const uninitialised = NSIM(NSIM_SWITCH).replace('f64 delay = 0.0, bandwidth = 0.0;', 'f64 delay, bandwidth;');
    assert.equal(readFile(uninitialised).required, undefined);
  });

  it('leaves a helper whose answer the command ignores', () => {
    assert.equal(readFile(NSIM('  (void) rv;')).required, undefined);
  });

  it('reads the checks after a helper\'s quiet return only for the lines its condition cannot hold on (span_add_delete_entry)', () => {
    const span = (state: string) => `
static uword
unformat_span_state (unformat_input_t * input, va_list * args)
{
  span_state_t *state = va_arg (*args, span_state_t *);
  if (unformat (input, "disable"))
    *state = SPAN_DISABLE;
  else if (unformat (input, "rx"))
    *state = SPAN_RX;
  else if (unformat (input, "tx"))
    *state = SPAN_TX;
  else if (unformat (input, "both"))
    *state = SPAN_BOTH;
  else
    return 0;
  return 1;
}

int
span_add_delete_entry (vlib_main_t * vm, u32 src_sw_if_index, u32 dst_sw_if_index, u8 state, span_feat_t sf)
{
  span_main_t *sm = &span_main;

  if (state > SPAN_BOTH)
    return VNET_API_ERROR_UNIMPLEMENTED;

  if ((src_sw_if_index == ~0) || (dst_sw_if_index == ~0 && state > 0) || (src_sw_if_index == dst_sw_if_index))
    return VNET_API_ERROR_INVALID_INTERFACE;
  return 0;
}

static clib_error_t *
set_interface_span_command_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  span_main_t *sm = &span_main;
  u32 src_sw_if_index = ~0;
  u32 dst_sw_if_index = ~0;
  span_feat_t sf = SPAN_FEAT_DEVICE;
  span_state_t state = ${state};

  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U", unformat_vnet_sw_interface, sm->vnet_main, &src_sw_if_index))
	;
      else if (unformat (input, "destination %U", unformat_vnet_sw_interface, sm->vnet_main, &dst_sw_if_index))
	;
      else if (unformat (input, "%U", unformat_span_state, &state))
	;
      else
	return clib_error_return (0, "Invalid input");
    }

  int rv = span_add_delete_entry (vm, src_sw_if_index, dst_sw_if_index, state, sf);
  if (rv == VNET_API_ERROR_INVALID_INTERFACE)
    return clib_error_return (0, "Invalid interface");
  return 0;
}

VLIB_CLI_COMMAND (set_interface_span_command, static) = {
  .path = "set interface span",
  .function = set_interface_span_command_fn,
};
`;
    // `state` keeps SPAN_BOTH until a state word is given, so `state > SPAN_BOTH` cannot hold without one
    assert.deepEqual(readFile(span('SPAN_BOTH')).required, [['interface', 'disable|rx|tx|both']]);
    // a value before the loop the condition is not known to be false on: nothing after it is claimed
    assert.equal(readFile(span('SPAN_RX')).required, undefined);
    // with the enum in the file (span.c defines it), `state > SPAN_BOTH` never holds and `state > 0`
    // holds while no state word is given; `src == dst` holds for the same interface twice
    const enumType = 'typedef enum\n{\n  SPAN_DISABLE = 0,\n  SPAN_RX = 1,\n  SPAN_TX = 2,\n  SPAN_BOTH = SPAN_RX | SPAN_TX\n} span_state_t;\n';
    const read = readFile(enumType + span('SPAN_BOTH'));
    assert.deepEqual(read.required, [['interface'], ['destination', 'disable|rx|tx|both']]);
    assert.deepEqual(read.refuses, [{ same: [['interface'], ['destination']], says: 'Invalid interface' }]);
    // the largest member is what the quiet return compares with: another member tells nothing
    assert.deepEqual(readFile(enumType.replace('SPAN_BOTH = SPAN_RX | SPAN_TX', 'SPAN_BOTH = SPAN_RX | SPAN_TX,\n  SPAN_MORE = 4') + span('SPAN_BOTH')).required, [
      ['interface', 'disable|rx|tx|both'],
      ['destination', 'disable|rx|tx|both'],
    ]);
  });

  it('takes `x > LIMIT_MAX` of an unsigned parameter as true for all ones, when the caller\'s variable starts at ~0 and is as wide (sr_pt_add_iface)', () => {
    const pt = (callerType: string, paramType: string, limit = 'SR_PT_ID_MAX') => `
int
sr_pt_add_iface (u32 iface, ${paramType} id)
{
  if (iface == (u32) ~0)
    return SR_PT_ERR_IFACE_INVALID;
  if (id > ${limit})
    return SR_PT_ERR_ID_INVALID;
  return 0;
}

static clib_error_t *
sr_pt_add_iface_command_fn (vlib_main_t *vm, unformat_input_t *input, vlib_cli_command_t *cmd)
{
  vnet_main_t *vnm = vnet_get_main ();
  u32 iface = (u32) ~0;
  ${callerType} id = (${callerType}) ~0;
  int rv;

  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U", unformat_vnet_sw_interface, vnm, &iface))
	;
      else if (unformat (input, "id %u", &id))
	;
      else
	break;
    }

  rv = sr_pt_add_iface (iface, id);
  if (rv != 0)
    return clib_error_return (0, "Error: %d", rv);
  return 0;
}

VLIB_CLI_COMMAND (sr_pt_add_iface_command, static) = {
  .path = "sr pt add iface",
  .function = sr_pt_add_iface_command_fn,
};
`;
    assert.deepEqual(readFile(pt('u32', 'u16')).required, [['interface'], ['id']]);
    assert.deepEqual(readFile(pt('u32', 'u16', '4095')).required, [['interface'], ['id']]);
    // a u16 ~0 is 0xffff as a u32, not above every limit; a signed parameter holds -1; U16_MAX is the type's own
    // (the `%u` into a u16 writes past it, so the interface check holds only without `id` there)
    assert.deepEqual(readFile(pt('u16', 'u32')).required, [['interface', 'id']]);
    assert.deepEqual(readFile(pt('u32', 'i32')).required, [['interface']]);
    assert.deepEqual(readFile(pt('u32', 'u16', 'U16_MAX')).required, [['interface']]);
    assert.deepEqual(readFile(pt('u32', 'u16', '65535')).required, [['interface']]);
  });

  it('maps `&args` and `args->x` (a helper given a struct)', () => {
    const text = `
static int
add_thing (thing_args_t * a)
{
  if (a->sw_if_index == ~0)
    return -1;
  return 0;
}

static clib_error_t *
thing_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  thing_args_t args = { .sw_if_index = ~0 };
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "%U", unformat_vnet_sw_interface, vnet_get_main (), &args.sw_if_index))
	;
      else
	return clib_error_return (0, "unknown input");
    }
  int rv = add_thing (&args);
  if (rv != 0)
    return clib_error_return (0, "thing failed");
  return 0;
}

VLIB_CLI_COMMAND (thing_command, static) = {
  .path = "thing add",
  .function = thing_fn,
};
`;
    assert.deepEqual(readFile(text).required, [['interface']]);
  });
});

describe('a helper in another file of the directory, whose error the switch keeps before `break`', () => {
  // wireguard_cli.c's wg_peer_add_command_fn and wireguard_peer.c's wg_peer_add
  const HELPER = `
int
wg_peer_add (u32 tun_sw_if_index, u32 table_id, u32 *peer_index)
{
  if (tun_sw_if_index == ~0)
    return (VNET_API_ERROR_INVALID_SW_IF_INDEX);
  *peer_index = 0;
  return 0;
}
`;
  const COMMAND = `
static clib_error_t *
wg_peer_add_command_fn (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  vnet_main_t *vnm = vnet_get_main ();
  clib_error_t *error = NULL;
  u32 tun_sw_if_index = ~0;
  u32 table_id = 0;
  u32 peer_index;
  int rv;

  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      if (unformat (input, "table-id %d", &table_id))
	;
      else if (unformat (input, "%U", unformat_vnet_sw_interface, vnm, &tun_sw_if_index))
	;
      else
	{
	  error = clib_error_return (0, "Input error");
	  goto done;
	}
    }

  rv = wg_peer_add (tun_sw_if_index, table_id, &peer_index);

  switch (rv)
    {
    case VNET_API_ERROR_INVALID_SW_IF_INDEX:
      error = clib_error_return (0, "Tunnel is not specified");
      break;
    }

done:
  return error;
}
VLIB_CLI_COMMAND (wg_peer_add_command, static) = {
  .path = "wireguard peer add",
  .function = wg_peer_add_command_fn,
};
`;

  it('reads its leading checks as the command\'s own (VPP 26.06 and 24.10: "wireguard peer add: Tunnel is not specified")', () => {
    const [found] = readCliFile(COMMAND, undefined, undefined, findFunctionBodies(HELPER));
    assert.deepEqual(found.reading.required, [['interface']]);
    assert.equal(readCliFile(COMMAND)[0].reading.required, undefined, 'without the other file, nothing is known of the helper');
  });

  it('on real lines', () => {
    assert.equal(lineErrors('wireguard peer add allowed-ip 10.9.0.1/24', '26.06').length, 1);
    assert.equal(lineErrors('wireguard peer add allowed-ip 10.9.0.1/24', '24.10').length, 1);
    assert.deepEqual(lineErrors('wireguard peer add wg0 allowed-ip 10.9.0.1/24', '26.06'), []);
  });
});

describe('helpers\' checks on real lines', () => {

  it('`set nsim` needs a delay and a bandwidth: VPP 26.06 refused `set nsim delay 1 ms` ("invalid bandwidth 0.00")', () => {
    assert.equal(lineErrors('set nsim delay 1 ms').length, 1);
    assert.match(lineErrors('set nsim delay 1 ms')[0], /missing-required/);
    assert.equal(lineErrors('set nsim bandwidth 1 gbit').length, 1);
    assert.deepEqual(lineErrors('set nsim delay 1 ms bandwidth 1 gbit'), []);
  });

  it('`sr pt add iface` needs its interface: VPP 26.06 refused `sr pt add iface id 1` ("The iface name invalid.")', () => {
    assert.equal(lineErrors('sr pt add iface id 1').length, 1);
    assert.deepEqual(lineErrors('sr pt add iface loop0 id 1'), []);
  });

  it('`set interface span` needs an interface, and a destination or a state word: VPP 26.06 refused `set interface span destination loop0` and `set interface span loop0` ("Invalid interface")', () => {
    assert.equal(lineErrors('set interface span destination loop0').length, 1);
    assert.equal(lineErrors('set interface span l2').length, 2);
    // VPP 24.10 and 26.06 refused these ("Invalid interface"); a word we do not know reads as the source interface
    for (const line of ['set interface span loop0', 'set interface span bogus-option', 'set interface span rx', 'set interface span disable', 'set interface span loop0 destination loop0']) {
      assert.equal(lineErrors(line).length, 1, line);
      assert.equal(lineErrors(line, '24.10').length, 1, line);
    }
    assert.deepEqual(lineErrors('set interface span loop0 destination loop1'), []);
    assert.deepEqual(lineErrors('set interface span loop0 disable'), []);
  });

  it('`sr pt add iface` needs an id: VPP 26.06 refused `sr pt add iface loop0` ("The iface id value invalid.")', () => {
    assert.equal(lineErrors('sr pt add iface loop0').length, 1);
    assert.ok(lineErrors('sr pt add iface bogus-option').length > 0);
    assert.deepEqual(lineErrors('sr pt add iface loop0 id 1 ingress-load 1 egress-load 1 tts-template 1'), []);
  });

  it('VPP 24.10\'s `set nsim` left them garbage, and accepted `set nsim bandwidth 1 gbit`', () => {
    assert.deepEqual(described(lintScript('set nsim bandwidth 1 gbit\n', { release: '24.10' })).filter((d) => d.startsWith('error')), []);
  });
});
