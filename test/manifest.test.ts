import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncedManifest } from '../tools/sync-manifest';
import { RELEASES, schemaFor } from '../server/src/schema/index';
import { runLint, scratch } from './cliRun';

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

describe('the .vsix listing', () => {
  it('ships only what the extension needs, with the full licence and a changelog, and packs without --allow-missing-repository', () => {
    const listed = execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual(listed.trim().split('\n').sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/client.js',
      'dist/languageClient.js',
      'dist/package.json',
      'dist/server.js',
      'dist/sniff.js',
      'grammars/vpp-cli.tmLanguage.json',
      'grammars/vpp-markdown-injection.tmLanguage.json',
      'grammars/vpp-startup.tmLanguage.json',
      'icon.png',
      'language-configuration.json',
      'package.json',
      'schemas/vpp-lint.schema.json',
      'snippets/vpp-cli.json',
      'snippets/vpp-startup.json',
    ]);
    assert.doesNotMatch(manifest.scripts.package, /allow-missing-repository/);
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    for (const part of ['TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION', '9. Accepting Warranty or Additional Liability.', 'END OF TERMS AND CONDITIONS', 'APPENDIX: How to apply the Apache License']) assert.ok(licence.includes(part), part);
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## (Unreleased|${manifest.version.replace(/\./g, '\\.')})$`, 'm'));
  });
});

describe('the vpp-lint task', () => {
  it('has a problem matcher that reads every line vpp-lint prints, with VS Code severities', () => {
    const [matcher] = manifest.contributes.problemMatchers;
    assert.equal(matcher.name, 'vpp-lint');
    const pattern = new RegExp(matcher.pattern.regexp);
    const cwd = scratch({ 'deploy/a b.vpp': 'create tap id 0 host-if-name vpp0 host-if-name vpp1\ncreate interface af-xdp host-if eth0\nset interface state tap9 up\n', 'file-too-large.vpp': '# vpp-version: 99.99\n' });
    const lines = runLint(['.'], { cwd }).stdout.trim().split('\n');
    const json = JSON.parse(runLint(['--format', 'json', '.'], { cwd }).stdout);
    assert.equal(lines.length, json.length);
    // VS Code reads error, warning, info and hint (as info); "information" would fall back to error
    const vscodeSeverity: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
    json.forEach((f: { file: string; range: { start: { line: number; character: number } }; severity: string; code: string; message: string }, i: number) => {
      const m = pattern.exec(lines[i]);
      assert.ok(m, lines[i]);
      const at = (key: string) => m[matcher.pattern[key]];
      assert.deepEqual([at('file'), Number(at('line')), Number(at('column')), at('severity'), at('code'), at('message')], [f.file, f.range.start.line + 1, f.range.start.character + 1, vscodeSeverity[f.severity], f.code, f.message]);
    });
    assert.deepEqual([...new Set(json.map((f: { severity: string }) => f.severity))].sort(), ['error', 'hint', 'warning']);
  });

  it('is offered by a task type and the command VPP: Check All Files in Workspace', () => {
    assert.deepEqual(manifest.contributes.taskDefinitions.map((t: { type: string }) => t.type), ['vpp-lint']);
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'vpp.checkWorkspace');
    assert.equal(`${command.category}: ${command.title}`, 'VPP: Check All Files in Workspace');
    assert.ok(manifest.activationEvents.includes('onCommand:vpp.checkWorkspace'));
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
