import assert from 'node:assert/strict';
import { knownUnformat, readCliFile, readCommandFunction } from '../server/src/sourceReader';
import { readEnums } from '../server/src/sourceReader/enumConstants';
import { checkValue, unformatFloat } from '../server/src/analysis/values';
import { lineErrors } from './lintHelpers';

/**
 * Bounds VPP puts on a value once it has read it: in the branch that read it, after the loop
 * against a number the file `#define`s, or in a helper (server/src/schema/helperChecks.ts).
 * Each line below is one VPP 26.06 (Debug build, vppctl exec) was asked, with its answer.
 */
const refused = (line: string) => assert.notDeepEqual(lineErrors(line), [], line);
const accepted = (line: string) => assert.deepEqual(lineErrors(line), [], line);

describe('bounds VPP checks on a value after reading it', () => {
  it('reads a bound checked first thing in the branch that read the value', () => {
    const body = `
      u32 log2 = 0;
      f64 fraction = 0.0;
      while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT) {
        if (unformat (input, "buckets-log2 %d", &log2)) {
          if (log2 >= 32)
            return clib_error_return (0, "buckets-log2 value is too high");
          buckets = 1 << log2;
        } else if (unformat (input, "fraction %f", &fraction)) {
          if (fraction < 0.0 || fraction > 1.0)
            return clib_error_return (0, "fraction must be between zero and 1");
        } else if (unformat (input, "half %f", &fraction)) {
          if (fraction <= 0.5)
            return clib_error_return (0, "no end of a real number is said");
        } else
          return clib_error_return (0, "unknown input");
      }
      return 0;`;
    const args = readCommandFunction(body, 'input', knownUnformat).args;
    // a u32 read with %d: -1 wraps above the bound, so the lower one is 0
    assert.deepEqual(args.find((a) => a.name === 'buckets-log2')?.values, [{ kind: 'int', min: 0, max: 31 }]);
    assert.deepEqual(args.find((a) => a.name === 'fraction')?.values, [{ kind: 'float', min: 0, max: 1 }]);
    assert.deepEqual(args.find((a) => a.name === 'half')?.values, [{ kind: 'float' }]);
  });

  it('reads a bound after the loop named by a #define of the file, with the error kept and returned', () => {
    const text = `
      #define DEFAULT_MAX_MSG_SIZE 480
      static clib_error_t *
      f (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
      {
        u32 max_msg_size = DEFAULT_MAX_MSG_SIZE;
        clib_error_t *ret = 0;
        while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT) {
          if (unformat (input, "max-msg-size %u", &max_msg_size)) ;
          else { ret = clib_error_return (0, "Unknown input"); goto done; }
        }
        if (max_msg_size < DEFAULT_MAX_MSG_SIZE) {
          ret = clib_error_return (0, "too small max-msg-size value, minimum is %u", DEFAULT_MAX_MSG_SIZE);
          goto done;
        }
      done:
        return ret;
      }
      VLIB_CLI_COMMAND (c, static) = { .path = "set x", .function = f, };`;
    assert.equal(readEnums(text).defined('DEFAULT_MAX_MSG_SIZE'), 480);
    const [command] = readCliFile(text);
    assert.deepEqual(command.reading.args[0].values, [{ kind: 'uint', min: 480 }]);
  });

  it('reads a real number as unformat_float does: the sign goes with the whole part only', () => {
    assert.equal(unformatFloat('-0.5'), 0.5);
    assert.equal(unformatFloat('-1.5'), -0.5);
    assert.equal(unformatFloat('1e1'), 10);
    assert.equal(checkValue('-0.25', { kind: 'float', min: 0, max: 1 }), undefined);
    assert.equal(checkValue('-1', { kind: 'float', min: 0, max: 1 }), 'must be at least 0');
  });

  it('set nsim: drop-fraction and reorder-fraction between zero and 1 (nsim.c, in the branch)', () => {
    // "set nsim: drop fraction must be between zero and 1" / "reorder fraction must be between zero and 1"
    refused('set nsim delay 1 ms bandwidth 1 gbps drop-fraction 1.01');
    refused('set nsim delay 1 ms bandwidth 1 gbps reorder-fraction -1.5');
    refused('set nsim delay 1 ms bandwidth 1 gbps reorder-fraction -1');
    // accepted, and `show`ed "reorder fraction: .50000" for -0.5
    accepted('set nsim delay 1 ms bandwidth 1 gbps drop-fraction 1');
    accepted('set nsim delay 1 ms bandwidth 1 gbps drop-fraction 1.0');
    accepted('set nsim delay 1 ms bandwidth 1 gbps drop-fraction 0');
    accepted('set nsim delay 1 ms bandwidth 1 gbps drop-fraction -0.25');
    accepted('set nsim delay 1 ms bandwidth 1 gbps reorder-fraction -0.5');
    accepted('set nsim delay 1 ms bandwidth 1 gbps reorder-fraction 0.5');
  });

  it('lb conf buckets-log2: 0 to 31 (lb/cli.c, in the branch)', () => {
    // "lb conf: buckets-log2 value is too high"
    for (const v of ['32', '-1', '4294967295']) refused(`lb conf buckets-log2 ${v}`);
    for (const v of ['0', '31']) accepted(`lb conf buckets-log2 ${v}`);
  });

  it('set syslog sender max-msg-size: at least 480 (syslog.c, after the loop)', () => {
    // "set syslog sender: too small max-msg-size value, minimum is 480"
    refused('set syslog sender collector 10.9.0.1 src 10.9.0.1 max-msg-size 479');
    accepted('set syslog sender collector 10.9.0.1 src 10.9.0.1 max-msg-size 480');
    accepted('set syslog sender collector 10.9.0.1 src 10.9.0.1 max-msg-size 4294967295');
  });

  it('create interface vmxnet3: queue sizes 64 to 4096, multiples of 64, kept in 16 bits (helper)', () => {
    // "vmxnet3: 0000:00:00.0: queue size must be <= 4096, >= 64, and multiples of 64"
    for (const v of ['1', '63', '96', '4097', '4160', '8192', '65599']) refused(`create interface vmxnet3 rx-queue-size ${v}`);
    refused('create interface vmxnet3 tx-queue-size 100');
    // these got past the check to "Wrong vendor or device id" (no such device: state, no error of ours);
    // 65536 and 65600 are 0 (the default) and 64 in the u16
    for (const v of ['0', '64', '128', '4096', '65536', '65600']) accepted(`create interface vmxnet3 rx-queue-size ${v}`);
    for (const v of ['64', '4096']) accepted(`create interface vmxnet3 tx-queue-size ${v}`);
    // "number of rx queues must be <= 16" for 17; 0 (taken as 1), 16 and 65552 (16 in the u16) got past it
    refused('create interface vmxnet3 num-rx-queues 17');
    for (const v of ['0', '16', '65552']) accepted(`create interface vmxnet3 num-rx-queues ${v}`);
    assert.equal(checkValue('65599', { kind: 'uint', storedBits: 16, min: 64, max: 4096, multipleOf: 64 }), 'is kept in 16 bits as 63, which must be at least 64');
  });

  it('create interface avf (24.10): queue sizes 64 to 4096, powers of two (helper)', () => {
    // VPP 24.10 (recorded): "create interface avf: queue size must not be smaller than 64" for 1 and 2;
    // 0 and 1024 got past it to "Wrong vendor or device id"
    for (const v of ['1', '2']) assert.notDeepEqual(lineErrors(`create interface avf rx-queue-size ${v}`, '24.10'), []);
    for (const v of ['0', '1024']) assert.deepEqual(lineErrors(`create interface avf tx-queue-size ${v}`, '24.10'), []);
  });

  it('ikev2 set liveness: neither number 0 (helper)', () => {
    // "ikev2 set liveness: invalid args"
    refused('ikev2 set liveness 0 1');
    refused('ikev2 set liveness 1 0');
    accepted('ikev2 set liveness 1 1');
    accepted('ikev2 set liveness -1 1');
  });

  it('set ip6 dad enable: transmits 1 to 10 in its u8, delay 0.1 to 10 (helper)', () => {
    // "set ip6 dad enable: transmits must be 1-10"; 256 and 1024 leave 0 in the u8, 261 leaves 5
    for (const v of ['0', '11', '256', '1024']) refused(`set ip6 dad enable transmits ${v}`);
    for (const v of ['1', '10', '261']) accepted(`set ip6 dad enable transmits ${v}`);
    // "set ip6 dad enable: delay must be 0.1-10.0 seconds"
    for (const v of ['0.05', '0.09', '10.5']) refused(`set ip6 dad enable delay ${v}`);
    for (const v of ['0.1', '10', '1e1']) accepted(`set ip6 dad enable delay ${v}`);
  });
});
