import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionsFor, applyWorkspaceEdit, described, lintScript } from './lintHelpers';
import { skipWithout } from './skipReasons';

/**
 * The interfaces course shows VPP commands for tap, linux-cp, AF_XDP, vhost-user and AF_PACKET.
 * Its examples are read from the course itself; the ones VPP refuses are the course's mistakes,
 * each of which must get a diagnostic and, where a right form exists, a fix that VPP accepts.
 */

const COURSE = join(import.meta.dirname, '..', '..', 'shared', 'course', 'vpp-interfaces-course.txt');

/** The VPP commands of the course (with their `\` continuation lines); shell and QEMU lines are not VPP's. */
function courseExamples(text: string): string[] {
  const examples: string[] = [];
  let open: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (open) {
      open.push(line);
      if (!line.trimEnd().endsWith('\\')) {
        examples.push(open.join('\n'));
        open = undefined;
      }
    } else if (/^(create|set|show|lcp|delete) /.test(line)) {
      if (line.trimEnd().endsWith('\\')) open = [line];
      else examples.push(line);
    }
  }
  return examples;
}

interface Mistake {
  starts: string;
  diagnostic: string;
  /** The quick fixes that, applied in turn, make the command right, when there are some. */
  fix?: string[];
  /** For a command with no right form: what the message must say. */
  message?: RegExp;
}

// Each checked against VPP 26.06: af_xdp registers `create interface af_xdp` (src/plugins/af_xdp/cli.c);
// vhost_user_connect_command_fn has no queue-size options (src/plugins/vhost/vhost_user.c);
// neither af_xdp nor af_packet registers a show command (`show interface` / `show hardware-interfaces` cover them);
// tap_create_command_fn and vhost_user_connect_command_fn read their arguments with unformat_line_input, so
// they stop at the line break a `\` continuation keeps, and VPP runs the next line as a command of its own.
const MISTAKES: Mistake[] = [
  { starts: 'create interface af-xdp', diagnostic: 'error vpp.unknown-command [af-xdp]', fix: ['Change to `af_xdp`'] },
  { starts: 'create tap id 1 \\', diagnostic: 'error vpp.unknown-command [host-if-name]', fix: ['Join the continued line into one line'] },
  {
    starts: 'create vhost-user socket /run/vpp/vm0.sock server \\',
    diagnostic: 'error vpp.unknown-command [rx-queue-size]',
    fix: ['Join the continued line into one line', 'Remove `rx-queue-size 1024 tx-queue-size 1024`'],
  },
  { starts: 'show af-xdp interface', diagnostic: 'error vpp.unknown-command [af-xdp]', message: /unknown input.*`show` has no sub-command `af-xdp`/ },
  { starts: 'show af-packet interfaces', diagnostic: 'error vpp.unknown-command [af-packet]', message: /unknown input.*`show` has no sub-command `af-packet`/ },
];

const mistakeOf = (example: string) => MISTAKES.find((m) => example.startsWith(m.starts));

describe('course examples', function () {
  const examples = existsSync(COURSE) ? courseExamples(readFileSync(COURSE, 'utf8')) : [];

  it('finds the course and its examples, the known mistakes among them', function () {
    skipWithout(this, COURSE, 'the interfaces course the hover notes are drawn from, kept beside the repository');
    assert.ok(examples.length >= 20, `only ${examples.length} examples found`);
    for (const m of MISTAKES) assert.ok(examples.some((e) => e.startsWith(m.starts)), `the course no longer shows \`${m.starts}\``);
    assert.ok(examples.some((e) => e.includes('\\\n')), 'a multi-line example with `\\` continuations');
  });

  describe('every valid example gets no diagnostic', () => {
    it('each valid example on its own', function () {
      skipWithout(this, COURSE, 'the interfaces course the hover notes are drawn from, kept beside the repository');
      const valid = examples.filter((e) => !mistakeOf(e));
      assert.ok(valid.length >= 18);
      for (const example of valid) {
        const found = described(lintScript(`${example}\n`));
        // linux_cp is disabled by default and a script cannot tell whether startup.conf enables it
        const expected = example.startsWith('lcp ') || example.startsWith('show lcp') ? [`warning vpp.plugin-disabled [${example.split(' ').slice(0, 2).join(' ')}]`] : [];
        assert.deepEqual(found, expected, example);
      }
    });

    it('the valid examples together, as one script', function () {
      skipWithout(this, COURSE, 'the interfaces course the hover notes are drawn from, kept beside the repository');
      const script = `${examples.filter((e) => !mistakeOf(e)).join('\n')}\n`;
      assert.deepEqual(described(lintScript(script)), ['warning vpp.plugin-disabled [lcp create]']);
    });
  });

  describe('every course mistake gets its diagnostic and a fix or a clear message', () => {
    for (const mistake of MISTAKES) {
      it(mistake.starts, function () {
        skipWithout(this, COURSE, 'the interfaces course the hover notes are drawn from, kept beside the repository');
        const example = examples.find((e) => e.startsWith(mistake.starts))!;
        const text = `${example}\n`;
        const result = lintScript(text);
        assert.deepEqual(described(result), [mistake.diagnostic]);
        const d = result.diagnostics[0];
        if (mistake.message) assert.match(d.message, mistake.message);
        let fixed = text;
        for (const title of mistake.fix ?? []) {
          const step = lintScript(fixed);
          const actions = step.diagnostics.flatMap((found) => actionsFor(step, found));
          const action = actions.find((a) => a.title === title);
          assert.ok(action, `no \`${title}\` among ${actions.map((a) => a.title).join(', ')}`);
          assert.equal(action.command, undefined);
          fixed = applyWorkspaceEdit(fixed, action.edit);
        }
        if (mistake.fix) assert.deepEqual(described(lintScript(fixed)), [], fixed);
      });
    }

    it('the af_xdp fix keeps the rest of the line as written', function () {
      skipWithout(this, COURSE, 'the interfaces course the hover notes are drawn from, kept beside the repository');
      const text = `${examples.find((e) => e.startsWith('create interface af-xdp'))!}\n`;
      const result = lintScript(text);
      const fixed = applyWorkspaceEdit(text, actionsFor(result, result.diagnostics[0])[0].edit);
      assert.equal(fixed, text.replace('af-xdp', 'af_xdp'));
    });
  });
});
