import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { allCommandPaths, DISPATCHER_WORDS, schemaFor } from '../server/src/schema/index';
import { STARTUP_SECTIONS } from '../server/src/schema/startup/index';
import { buildGrammars, staleGrammars } from '../tools/build-grammars';
import { createRegistry, INITIAL, loadGrammar, ROOT } from './grammar/textmate';

const require = createRequire(import.meta.url);
const TOOL_DIR = dirname(require.resolve('vscode-tmgrammar-test/package.json'));
const CONFIG = 'test/grammar/grammars.json';

function runTool(script: string, globs: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(TOOL_DIR, 'dist', script), '--config', CONFIG, ...globs], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const registry = createRegistry();

/** The scopes of the token that covers `column` on the last of `lines`. */
async function scopesAt(scopeName: string, lines: string[], column: number): Promise<string[]> {
  const grammar = await loadGrammar(registry, scopeName);
  let state = INITIAL;
  let tokens: { startIndex: number; endIndex: number; scopes: string[] }[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    tokens = result.tokens;
  }
  return tokens.find((t) => t.startIndex <= column && column < t.endIndex)?.scopes ?? [];
}

describe('TextMate grammars', () => {
  it('are committed exactly as the generator builds them from the schema now', () => {
    assert.equal(buildGrammars().size, 3);
    assert.deepEqual(staleGrammars(), [], 'run `npx tsx tools/build-grammars.ts` and commit grammars/');
  });

  it('pass the scope assertions in test/grammar/*.test.* (vscode-tmgrammar-test)', function () {
    this.timeout(60_000);
    const run = runTool('unit.js', ['test/grammar/*.test.vpp', 'test/grammar/*.test.vpp-startup', 'test/grammar/*.test.md']);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /commands\.test\.vpp/);
  });

  it('match the snapshots of the course examples and unusual lines (vscode-tmgrammar-snap)', function () {
    this.timeout(60_000);
    const run = runTool('snapshot.js', ['test/grammar/snap/*']);
    assert.equal(run.status, 0, run.output);
    assert.doesNotMatch(run.output, /Generating snapshot/, 'a snapshot was missing; review and commit the new .snap file');
  });

  it('highlight every startup.conf section of the schema as a section', async function () {
    this.timeout(20_000);
    for (const key of new Set(STARTUP_SECTIONS.map((s) => s.key))) {
      assert.ok((await scopesAt('source.vpp-startup', [`${key} { }`], 0)).includes('entity.name.section.vpp-startup'), key);
    }
  });

  it('highlight every first command word of every release, and the dispatcher words, as a command', async function () {
    this.timeout(20_000);
    const firstWords = new Set([...allCommandPaths().map((p) => p.split(' ')[0]), ...DISPATCHER_WORDS.keys()]);
    firstWords.delete('comment'); // a comment, tested in comments.test.vpp
    for (const word of firstWords) {
      assert.ok((await scopesAt('source.vpp', [`${word} x`], 0)).includes('keyword.control.command.vpp'), word);
    }
  });

  it('highlight every option keyword of the focus commands as an option or a value word', async function () {
    this.timeout(20_000);
    const schema = schemaFor('26.06');
    for (const command of schema.commands.values()) {
      // the focus commands are written by hand; the words read from VPP's parsers stay out of the grammar
      if (!command.strict || command.source) continue;
      for (const arg of command.args ?? []) {
        for (const word of arg.keyword?.split(' ') ?? []) {
          const scopes = await scopesAt('source.vpp', [`${command.path} ${word}`], command.path.length + 1);
          const known = scopes.some((s) => s === 'variable.parameter.option.vpp' || s === 'constant.language.vpp' || s === 'keyword.control.command.vpp');
          assert.ok(known, `${command.path} … ${word}: ${scopes.join(' ')}`);
        }
      }
    }
  });
});
