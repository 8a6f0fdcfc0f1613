import { strict as assert } from 'node:assert';
import { lineInputReader } from '../server/src/schema/lineInput';
import { actionsFor, applyWorkspaceEdit, described, errorsOf, lintScript, onlyDiagnostic, rangeText } from './lintHelpers';

/**
 * A `\` before the newline continues a script line, but VPP keeps the newline in the command's
 * input (unformat_vlib_cli_line, src/vlib/cli.c). A command whose function reads its arguments with
 * unformat_line_input (src/vppinfra/unformat.c: unformat_line stops at `\n`) stops there, and
 * vlib_cli_input runs the rest as the next command; one that reads `input` directly sees the
 * newline as a blank. Seen on VPP 26.06 and 24.10 built from source, each line run as a
 * `startup-config` script: `create interface memif id 3 \` + `  master` makes memif0/3 a slave, then
 * "unknown input `  master'" and "exec: CLI line error" stop the script; `create interface memif { id 13 \`
 * + `  master }`, the same inside `uncomment { }`, and `create interface memif { \` + `id 15 \` + `master \` +
 * `}` each make a slave without an error (the rest is dropped); `create interface memif id 12 # c \` +
 * `  master` and `create interface memif \` + `  id 4 master` make a master; `set interface state \` +
 * `  loop0 up`, `set interface ip address loop0 \` + `  10.8.0.1/24`, `set interface l2 bridge loop0 \` +
 * `  10` and a `packet-generator new { \ ... }` block are read whole.
 */
/** The one quick fix of the one finding of `code`: its title, whether preferred, and the text it makes. */
function onlyFix(text: string, code: string): { title: string; preferred?: boolean; fixed: string } {
  const r = lintScript(text);
  // beside the suppression every diagnostic offers
  const actions = actionsFor(r, onlyDiagnostic(r, code)).filter((a) => !a.title.startsWith('Disable '));
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
  return { title: actions[0].title, preferred: actions[0].isPreferred, fixed: applyWorkspaceEdit(text, actions[0].edit) };
}

describe('continued lines, per command kind', () => {
  describe('which commands read a line (tools/extract-line-input.mjs)', () => {
    it('lists the line readers with the function that reads, and leaves the direct readers out', () => {
      assert.equal(lineInputReader('create interface memif', '26.06')?.function, 'memif_create_command_fn');
      assert.ok(lineInputReader('create tap', '24.02'));
      assert.ok(lineInputReader('create interface af_xdp', '26.06'), 'read by unformat_af_xdp_create_if_args, followed into src/plugins/af_xdp/unformat.c');
      assert.equal(lineInputReader('set interface state', '26.06'), undefined);
      assert.equal(lineInputReader('set interface ip address', '26.06'), undefined);
      assert.equal(lineInputReader('packet-generator new', '26.06'), undefined);
    });
  });

  describe('a command that reads its arguments to the end of the line', () => {
    const memif = 'create interface memif id 3 \\\n  master\n';

    it('runs without the continued part, which VPP runs as an unknown command, reported on its word', () => {
      const r = lintScript(memif);
      assert.deepEqual(described(r), ['error vpp.unknown-command [master]']);
      const d = r.diagnostics[0];
      assert.deepEqual(d.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
      assert.match(d.message, /`create interface memif` reads its arguments only to the end of the line/);
      assert.match(d.message, /takes `master` as the start of a command of its own, which it refuses with "unknown input"/);
    });

    it('offers to join the line: the backslash and newline become one space, nothing else changes', () => {
      const { title, preferred, fixed } = onlyFix(memif, 'vpp.unknown-command');
      assert.equal(title, 'Join the continued line into one line');
      assert.equal(preferred, true);
      assert.equal(fixed, 'create interface memif id 3    master\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('joins every later break of the same command in one fix', () => {
      const text = 'create tap id 2 \\\n  host-if-name vpp2 \\\n  host-ip4-addr 10.1.1.1/24\n';
      assert.deepEqual(errorsOf(lintScript(text)), ['error vpp.unknown-command [host-if-name]']);
      const { fixed } = onlyFix(text, 'vpp.unknown-command');
      assert.equal(fixed, 'create tap id 2    host-if-name vpp2    host-ip4-addr 10.1.1.1/24\n');
      assert.deepEqual(errorsOf(lintScript(fixed)), []);
    });

    it('checks the first part on its own: a required option after the break is missing', () => {
      const r = lintScript('create interface af_xdp name x0 \\\n  host-if eth0\n');
      assert.deepEqual(errorsOf(r), ['error vpp.missing-required [create interface af_xdp]', 'error vpp.unknown-command [host-if]']);
    });

    it('agrees with VPP 26.06 on the continuation lines of tools/vpp-referee/continuation.txt', () => {
      // VPP: "unknown input `  rx-queues 2'"; "create vxlan tunnel: vni not specified", then the script stops
      assert.deepEqual(errorsOf(lintScript('create interface memif id 4 master \\\n  rx-queues 2\n')), ['error vpp.unknown-command [rx-queues]']);
      assert.deepEqual(errorsOf(lintScript('create vxlan tunnel src 10.8.0.1 dst 10.8.0.3 \\\n  vni 13\n')), ['error vpp.missing-required [create vxlan tunnel]', 'error vpp.unknown-command [vni]']);
      // VPP created loop55 and loop0.100: these commands read their input directly
      assert.deepEqual(errorsOf(lintScript('create loopback interface \\\n  instance 55\n')), []);
      assert.deepEqual(errorsOf(lintScript('create sub-interfaces loop0 \\\n  100\n')), []);
      assert.deepEqual(errorsOf(lintScript('set interface state loop0 \\\n  up\n')), []);
    });

    it('says nothing when the continued part is itself a command VPP runs', () => {
      assert.deepEqual(errorsOf(lintScript('create tap id 3 \\\n  show version\n')), []);
    });

    it('does not stop at a break before the first argument: VPP skips blanks and newlines before it calls the function', () => {
      assert.deepEqual(errorsOf(lintScript('create interface memif \\\n  id 4 master\n')), []);
      assert.deepEqual(errorsOf(lintScript('create interface \\\n  memif \\\n  id 4 master\n')), []);
    });

    it('does not stop at a backslash that ends a comment: VPP drops that newline with the comment', () => {
      assert.deepEqual(errorsOf(lintScript('create tap id 0 # the uplink \\\n  host-if-name vpp0\n')), []);
    });

    it('inside `{ }` the function reads only the first line of the braces: VPP ignores the rest (a warning)', () => {
      const text = 'create tap { id 1 \\\n  host-if-name vpp1 }\n';
      const r = lintScript(text);
      assert.deepEqual(described(r), ['warning vpp.deprecated [host-if-name]']);
      assert.match(r.diagnostics[0].message, /ignores the rest/);
      const { fixed } = onlyFix(text, 'vpp.deprecated');
      assert.equal(fixed, 'create tap { id 1    host-if-name vpp1 }\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });
  });

  describe('inside `uncomment { }`, which VPP dispatches once', () => {
    it('what a line reader leaves is dropped, not run: a warning, not an unknown command', () => {
      const text = 'uncomment { create tap id 1 \\\n  host-if-name vpp1 }\n';
      assert.deepEqual(described(lintScript(text)), ['warning vpp.deprecated [host-if-name]']);
      assert.equal(onlyFix(text, 'vpp.deprecated').fixed, 'uncomment { create tap id 1    host-if-name vpp1 }\n');
    });
  });

  describe('a command that reads its input directly', () => {
    it('takes its arguments from the continued lines, as VPP does', () => {
      assert.deepEqual(errorsOf(lintScript('set interface ip address loop0 \\\n  10.0.0.1/24\n')), []);
      assert.deepEqual(errorsOf(lintScript('set interface state \\\n  loop0 up\n')), []);
      assert.deepEqual(errorsOf(lintScript('packet-generator new { \\\n  name x \\\n  limit 1 \\\n  node ip4-input \\\n}\n')), []);
    });
  });

  describe('a `{ }` block written over several lines without backslashes', () => {
    it('for a direct reader, the fix ends each line with a backslash', () => {
      const text = 'packet-generator new {\n  name x\n  limit 1\n}\n';
      assert.match(onlyDiagnostic(lintScript(text), 'vpp.unclosed-brace').message, /End each line of the block with `\\`/);
      const { fixed } = onlyFix(text, 'vpp.unclosed-brace');
      assert.equal(fixed, 'packet-generator new { \\\n  name x \\\n  limit 1 \\\n}\n');
    });

    it('for a line reader, a backslash would not do: the fix joins the block into one line', () => {
      const text = 'create tap {\n  id 0\n  host-if-name vpp0 \\\n}\nshow version\n';
      const r = lintScript(text);
      const d = onlyDiagnostic(r, 'vpp.unclosed-brace');
      assert.equal(rangeText(r, d), '{');
      assert.match(d.message, /`create tap` reads its arguments only to the end of a line/);
      const { title, fixed } = onlyFix(text, 'vpp.unclosed-brace');
      assert.equal(title, 'Join the block into one line');
      assert.equal(fixed, 'create tap {   id 0   host-if-name vpp0  }\nshow version\n');
      assert.deepEqual(described(lintScript(fixed)), []);
    });

    it('for a line reader with a comment in the block, offers no join (the comment would swallow the rest)', () => {
      const text = 'create tap {\n  id 0 # uplink\n  host-if-name vpp0\n}\n';
      const r = lintScript(text);
      assert.deepEqual(actionsFor(r, onlyDiagnostic(r, 'vpp.unclosed-brace')).map((a) => a.title), ['Disable `vpp.unclosed-brace` for this line']);
    });
  });
});
