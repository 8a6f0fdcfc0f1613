import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncedManifest } from '../tools/sync-manifest';
import { RELEASES, schemaFor } from '../server/src/schema/index';

const ROOT = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('lists every release and a severity setting for every diagnostic code, as the code defines them', () => {
    assert.deepEqual(manifest, syncedManifest(manifest), 'run `npm run build` to resync package.json');
  });

  it('contributes both languages without claiming every *.conf', () => {
    const languages = manifest.contributes.languages;
    assert.deepEqual(languages.map((l: any) => l.id), ['vpp-startup', 'vpp-cli']);
    for (const l of languages) assert.ok(!(l.extensions ?? []).includes('.conf'), `${l.id} must not claim .conf`);
  });

  it('keeps its stable entry points and scripts', () => {
    assert.equal(manifest.bin['vpp-language-server'], './dist/server.js');
    assert.equal(manifest.bin['vpp-lint'], './dist/cli.js');
    for (const script of ['build', 'test', 'test:e2e', 'package', 'start', 'bench', 'fuzz']) assert.ok(manifest.scripts[script], script);
  });
});

describe('language configuration', () => {
  const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
  it('keeps interface names, MACs, prefixes, PCI addresses and paths as one word', () => {
    const word = new RegExp(config.wordPattern, 'g');
    for (const sample of ['GigabitEthernet0/8/0', 'host-eth0', 'aa:bb:cc:dd:ee:ff', '10.10.0.2/30', '0000:02:00.0', '/run/vpp/vm0.sock']) {
      assert.deepEqual(`set ${sample} {`.match(word), ['set', sample]);
    }
  });

  it('uses # for line comments and {} as brackets', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}']]);
  });

  it('indents after `{` + Enter for every section and block parameter, and closes `}` on its own line', () => {
    const rules: { beforeText: string; afterText?: string; action: { indent: string } }[] = config.onEnterRules;
    const onEnter = (before: string, after: string) => rules.find((r) => new RegExp(r.beforeText).test(before) && (!r.afterText || new RegExp(r.afterText).test(after)))?.action.indent;
    const blocks = new Set<string>();
    for (const release of RELEASES) {
      for (const section of schemaFor(release).sections) {
        if (section.block) blocks.add(section.key);
        for (const param of section.block ?? []) if (param.block && param.key !== '*') blocks.add(`${param.key} x`);
      }
    }
    assert.ok(blocks.size > 20, `${blocks.size} block openers`);
    for (const opener of blocks) {
      assert.equal(onEnter(`${opener} {`, '}'), 'indentOutdent', opener);
      assert.equal(onEnter(`  ${opener} {  # comment`, ''), 'indent', opener);
    }
    assert.equal(onEnter('unix { nodaemon }', ''), undefined, 'a block closed on its line does not indent');
  });
});
