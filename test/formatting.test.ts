import { seededRandom as random } from './seededRandom';
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { VppRelease } from '../server/src/schema/types';
import { formatStartup, type FormatOptions } from '../server/src/features/formatting';
import { analyzeBroken, BROKEN_DOCUMENTS } from './brokenDocuments';
import { analyzeScript, analyzeStartup } from './helpers';
import { CORPUS, skipWithoutCorpus } from './skipReasons';

const CORPUS_STARTUP = join(CORPUS, 'startup');
const TWO_SPACES: FormatOptions = { tabSize: 2, insertSpaces: true };

function format(text: string, options: FormatOptions = TWO_SPACES, release?: VppRelease, range?: Parameters<typeof formatStartup>[2]): string {
  const edits = formatStartup(analyzeStartup(text, release), options, range);
  return TextDocument.applyEdits(TextDocument.create('file:///startup.conf', 'vpp-startup', 1, text), edits);
}

const visible = (text: string) => text.replace(/\s+/g, '');
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** What formatting must never break, checked on any input. */
function assertFormatsSafely(text: string, release: VppRelease, label: string): void {
  const once = format(text, TWO_SPACES, release);
  assert.equal(visible(once), visible(text), `${label}: a non-blank character was lost or moved`);
  assert.equal(lineCount(once), lineCount(text), `${label}: lines were joined or split`);
  assert.equal(format(once, TWO_SPACES, release), once, `${label}: formatting twice differs from formatting once`);
  const tabs = format(text, { tabSize: 4, insertSpaces: false }, release);
  assert.equal(visible(tabs), visible(text), `${label} (tabs)`);
}


const SECTIONS = ['unix', 'cpu', 'dpdk', 'buffers', 'api-trace', 'plugins', 'statseg', 'logging', 'mystery-section'];
const WORDS = ['nodaemon', 'main-core', '1', 'dev', '0000:02:00.0', 'num-rx-queues', '2', 'name', 'eth0', 'on', 'plugin', 'default', 'disable', 'a#b', '{{ .X }}', '$(Y)', '/run/vpp/cli.sock'];

function generate(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const blank = () => pick(['', ' ', '  ', '\t', ' \t ', '    ']);
  const eol = next() < 0.2 ? '\r\n' : '\n';
  const out: string[] = [];
  const block = (depth: number): void => {
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      const r = next();
      if (r < 0.15) out.push(`${blank()}# note ${i}${blank()}`);
      else if (r < 0.2) out.push(blank());
      else if (r < 0.35 && depth < 3) {
        out.push(`${blank()}${pick(WORDS)} ${pick(WORDS)}${blank()}{${blank()}`);
        block(depth + 1);
        out.push(`${blank()}}${blank()}`);
      } else if (r < 0.45) out.push(`${blank()}${pick(WORDS)} {${blank()}${pick(WORDS)} }${blank()}`);
      else out.push(`${blank()}${pick(WORDS)}${blank()}${pick(WORDS)}${next() < 0.2 ? `${blank()} # trailing` : ''}${blank()}`);
    }
  };
  const sections = 1 + Math.floor(next() * 5);
  for (let s = 0; s < sections; s++) {
    const r = next();
    if (r < 0.1) out.push(`${blank()}${pick(SECTIONS)} { ${pick(WORDS)} }`);
    else if (r < 0.2) out.push(`${pick(SECTIONS)}`, `${blank()}{`);
    else out.push(`${blank()}${pick(SECTIONS)}${blank()} {`);
    if (r >= 0.1) {
      block(1);
      // now and then a block is left open, or closed twice
      const broken = next();
      if (broken > 0.1) out.push(`${blank()}}`);
      if (broken > 0.95) out.push('}');
    }
    if (next() < 0.3) out.push('');
  }
  return out.join(eol) + (next() < 0.8 ? eol : '');
}

describe('formatting startup.conf', () => {
  it('indents nested blocks, keeps one-line blocks and comments, trims blanks', () => {
    const text = 'unix {\nnodaemon\n      cli-listen    /run/vpp/cli.sock   # socket  \n# keep me\n}\napi-trace { on }\ndpdk {\n dev 0000:02:00.0 {\n     num-rx-queues 2\n        }\n\t}\ncpu\n{\nmain-core 1\n}\n';
    assert.equal(
      format(text),
      'unix {\n  nodaemon\n  cli-listen /run/vpp/cli.sock   # socket  \n# keep me\n}\napi-trace { on }\ndpdk {\n  dev 0000:02:00.0 {\n    num-rx-queues 2\n  }\n}\ncpu\n{\n  main-core 1\n}\n',
    );
  });

  it('keeps commented-out blocks exactly as written', () => {
    const text = '# dpdk {\n\t## all interfaces\n\t# dev default {\n\t\t# num-rx-queues 3\n\t# }\n# }\nunix {\n    # why\n    nodaemon\n}\n';
    assert.equal(format(text), '# dpdk {\n\t## all interfaces\n\t# dev default {\n\t\t# num-rx-queues 3\n\t# }\n# }\nunix {\n    # why\n  nodaemon\n}\n');
  });

  it('leaves Jinja statement lines where the template has them', () => {
    const text = 'unix {\n{% if x %}\n      nodaemon\n{% endif %}\n}\n';
    assert.equal(format(text), 'unix {\n{% if x %}\n  nodaemon\n{% endif %}\n}\n');
  });

  it('uses tabs when asked, and the tab size otherwise', () => {
    assert.equal(format('unix {\nnodaemon\n}\n', { tabSize: 4, insertSpaces: false }), 'unix {\n\tnodaemon\n}\n');
    assert.equal(format('unix {\nnodaemon\n}\n', { tabSize: 4, insertSpaces: true }), 'unix {\n    nodaemon\n}\n');
  });

  it('leaves a block with a syntax error as written, and formats the rest', () => {
    const text = 'unix {\n      nodaemon\ncpu {\n      main-core 1\n}\n';
    assert.equal(format(text), 'unix {\n      nodaemon\ncpu {\n  main-core 1\n}\n');
    const stray = 'unix {   nodaemon }\n   }\ncpu {\n  main-core    1\n}\n';
    assert.equal(format(stray), 'unix { nodaemon }\n   }\ncpu {\n  main-core 1\n}\n');
  });

  it('formats only the lines of a range', () => {
    const text = 'unix {\nnodaemon\nfull-coredump\n}\n';
    assert.equal(format(text, TWO_SPACES, undefined, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }), 'unix {\nnodaemon\n  full-coredump\n}\n');
  });

  it('keeps CRLF line ends and drops blanks before them', () => {
    assert.equal(format('unix {  \r\nnodaemon\t\r\n}\r\n'), 'unix {\r\n  nodaemon\r\n}\r\n');
  });

  it('does nothing to a script, and is safe on broken documents', () => {
    assert.deepEqual(formatStartup(analyzeScript('create tap   id 0\n'), TWO_SPACES), []);
    for (const doc of BROKEN_DOCUMENTS) if (doc.language === 'startup') assertFormatsSafely(doc.text, '26.06', JSON.stringify(doc.text));
    for (const doc of BROKEN_DOCUMENTS) formatStartup(analyzeBroken(doc), TWO_SPACES);
  });

  it('property: on generated files it loses no character, keeps lines, and is idempotent', () => {
    let changed = 0;
    let broken = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = generate(random(seed));
      const release: VppRelease = seed % 2 ? '26.06' : '25.10';
      assertFormatsSafely(text, release, `seed ${seed} (${release}): ${JSON.stringify(text)}`);
      if (format(text, TWO_SPACES, release) !== text) changed++;
      if (analyzeStartup(text, release).tree.errors.length > 0) broken++;
    }
    // the generator must exercise both the rewriting and the hands-off paths
    assert.ok(changed > 300 && broken > 40, `changed ${changed}, broken ${broken}`);
  });

  it('property: the same holds for every startup.conf of the corpus', function () {
    skipWithoutCorpus(this, CORPUS_STARTUP);
    const files = readdirSync(CORPUS_STARTUP);
    assert.ok(files.length > 10);
    for (const name of files) {
      const text = readFileSync(join(CORPUS_STARTUP, name), 'utf8');
      for (const release of ['25.10', '26.06'] as const) assertFormatsSafely(text, release, `${name} (${release})`);
    }
  });
});
