import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../server/src/analysis/analyze';
import { computeCompletion } from '../server/src/features/completion';
import { computeDefinition } from '../server/src/features/definition';
import { computeHover } from '../server/src/features/hover';
import { computeSignatureHelp } from '../server/src/features/signatureHelp';
import type { SchemaLayer } from '../server/src/schema/layer';
import { buildLayer } from '../server/src/workspaceSources/layer';
import { readSourceFile } from '../server/src/workspaceSources/readSource';
import { SourceIndex } from '../server/src/workspaceSources/sourceIndex';
import { withCursor } from './helpers';
import { LspClient } from './lspClient';
import { generatedTree, lineOfFixture, MYPLUGIN_C, pluginWorkspace } from './myPluginFixture';

const SERVER = join(import.meta.dirname, '..', 'dist', 'server.js');
const FILE = '/ws/src/plugins/myplugin/myplugin.c';
const LAYER = buildLayer([readSourceFile(MYPLUGIN_C, FILE)], 'test');

const script = (text: string) => analyze(text, { language: 'cli', layer: LAYER });
const startup = (text: string) => analyze(text, { language: 'startup', layer: LAYER });
const errors = (text: string, language: 'cli' | 'startup' = 'cli') =>
  (language === 'cli' ? script(text) : startup(text)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${text.slice(d.start, d.end)}`);

function labelsAtWith(layer: SchemaLayer, fixture: string): string[] {
  const { text, offset } = withCursor(fixture);
  const a = analyze(text, { language: 'cli', layer });
  return (computeCompletion(a, a.lines.positionAt(offset), { snippetSupport: false, markdown: false })?.items ?? []).map((i) => i.label).sort();
}

function labelsAt(fixture: string, language: 'cli' | 'startup' = 'cli'): string[] {
  const { text, offset } = withCursor(fixture);
  const a = language === 'cli' ? script(text) : startup(text);
  const list = computeCompletion(a, a.lines.positionAt(offset), { snippetSupport: false, markdown: false });
  return (list?.items ?? []).map((i) => i.label);
}

describe('workspace sources: the commands of the plugin being written', () => {
  describe('reading a C file', () => {
    it('reads both commands with their short_help, the line of their registration and their plugin', () => {
      const show = LAYER.commands.find((c) => c.path === 'show myplugin');
      const enable = LAYER.commands.find((c) => c.path === 'myplugin enable-disable');
      assert.equal(show?.synopsis, 'show myplugin [verbose]');
      assert.equal(show?.plugin, 'myplugin');
      assert.deepEqual(show?.definedAt, { file: FILE, line: lineOfFixture('VLIB_CLI_COMMAND (myplugin_show_command') });
      assert.deepEqual(enable?.definedAt, { file: FILE, line: lineOfFixture('VLIB_CLI_COMMAND (myplugin_enable_disable_command') });
      assert.deepEqual(
        enable?.args?.map((a) => [a.keyword ?? '', ...(a.values ?? []).map((v) => v.kind)].join(' ')),
        ['disable', ' interface', 'table uint'],
      );
      assert.deepEqual(LAYER.plugins, [{ name: 'myplugin', description: 'My plugin, written for the tests' }]);
    });

    it('reads the config function as the startup.conf section of the plugin', () => {
      const section = LAYER.sections.find((s) => s.key === 'myplugin');
      assert.equal(section?.strict, true);
      assert.deepEqual(section?.block?.map((p) => p.key), ['table-size', 'verbose']);
      assert.equal(section?.plugin, 'myplugin');
      assert.equal(section?.definedAt?.line, lineOfFixture('VLIB_CONFIG_FUNCTION'));
    });

    it('reads a file that is not C it follows without throwing, and adds nothing from a file without registrations', () => {
      const broken = readSourceFile('VLIB_CLI_COMMAND (x) = { .path = "broken cmd", .function = f, };\nstatic int f (a, unformat_input_t *input) { while ((( {', '/ws/broken.c');
      assert.equal(broken.commands[0]?.path, 'broken cmd');
      assert.equal(broken.commands[0]?.strict, false, 'a loop not understood stays loose');
      assert.deepEqual(readSourceFile('int main (void) { return 0; }', '/ws/main.c').commands, []);
    });

    it('never throws on a file cut anywhere (a file saved half-written)', () => {
      for (let n = 0; n < MYPLUGIN_C.length; n += 11) {
        for (const part of [MYPLUGIN_C.slice(0, n), MYPLUGIN_C.slice(n)]) {
          const read = readSourceFile(part, '/ws/cut.c');
          for (const c of read.commands) assert.ok(MYPLUGIN_C.includes(`"${c.path}"`), c.path);
        }
      }
    });
  });

  describe('as a layer of the release in force', () => {
    it('checks the plugin commands: no error on valid lines, an error on an unknown option', () => {
      assert.deepEqual(errors('create loopback interface\nmyplugin enable-disable loop0 table 3\nshow myplugin verbose\n'), []);
      assert.deepEqual(errors('show myplugin brief\n'), ['vpp.unknown-option brief']);
      assert.deepEqual(errors('show myplugin verbose\n'), []);
    });

    it('leaves the release without the layer as it was', () => {
      const plain = analyze('show myplugin verbose\n', { language: 'cli' });
      assert.deepEqual(plain.diagnostics.map((d) => d.code), ['vpp.unknown-command']);
      assert.ok(!analyze('show version\n', { language: 'cli' }).schema.commands.has('show myplugin'));
      assert.ok(script('show version\n').schema.commands.has('show version'), 'the release keeps its own commands');
    });

    it('completes the command words and the options of the plugin', () => {
      assert.ok(labelsAt('mypl|').includes('myplugin'));
      assert.ok(labelsAt('show mypl|').includes('myplugin'));
      const options = labelsAt('myplugin enable-disable |');
      assert.ok(options.includes('table') && options.includes('disable'), options.join(' '));
    });

    it('hovers with the short_help and where the command is defined', () => {
      const a = script('show myplugin verbose\n');
      const hover = computeHover(a, { line: 0, character: 7 }, true);
      const text = (hover?.contents as { value: string }).value;
      assert.match(text, /show myplugin \[verbose\]/);
      assert.match(text, /myplugin\.c:\d+\]\(file:\/\/\/ws\/src\/plugins\/myplugin\/myplugin\.c#L\d+\)/);
      assert.match(text, /myplugin_plugin\.so/);
    });

    it('gives signature help while the plugin command is typed', () => {
      const a = script('myplugin enable-disable loop0 \n');
      const help = computeSignatureHelp(a, { line: 0, character: 30 });
      assert.match(help?.signatures[0].label ?? '', /^myplugin enable-disable/);
      assert.ok((help?.signatures[0].parameters ?? []).length >= 3);
    });

    it('goes to the VLIB_CLI_COMMAND line from a command word, and to the config function from the section', () => {
      const a = script('show myplugin verbose\n');
      const [location] = computeDefinition(a, 'file:///ws/x.vpp', { line: 0, character: 8 });
      assert.equal(location?.uri, 'file:///ws/src/plugins/myplugin/myplugin.c');
      assert.equal(location?.range.start.line, lineOfFixture('VLIB_CLI_COMMAND (myplugin_show_command'));
      const s = startup('myplugin {\n  table-size 4\n}\n');
      const [section] = computeDefinition(s, 'file:///ws/startup.conf', { line: 0, character: 2 });
      assert.equal(section?.range.start.line, lineOfFixture('VLIB_CONFIG_FUNCTION'));
    });

    it('checks and completes the plugin section of startup.conf', () => {
      assert.deepEqual(errors('myplugin {\n  table-size 4\n  verbose\n}\n', 'startup'), []);
      assert.deepEqual(errors('myplugin {\n  tabel-size 4\n}\n', 'startup'), ['vpp.unknown-parameter tabel-size']);
      assert.ok(labelsAt('myplugin {\n  |\n}\n', 'startup').includes('table-size'));
    });
  });

  describe('over a command or section the release has', () => {
    const own = (text: string) => buildLayer([readSourceFile(text, '/ws/vnet/x.c')], 'over');
    const registration = (path: string, fn: string, loop: string) => `static clib_error_t *
${fn} (vlib_main_t * vm, unformat_input_t * input, vlib_cli_command_t * cmd)
{
  while (unformat_check_input (input) != UNFORMAT_END_OF_INPUT)
    {
      ${loop}
      else
        return clib_error_return (0, "unknown input");
    }
  return 0;
}
VLIB_CLI_COMMAND (x_command, static) = { .path = "${path}", .short_help = "${path}", .function = ${fn}, };
`;

    it('keeps the model of a command the source reads alike, with the link to the source', () => {
      const layer = own(registration('create loopback interface', 'create_loop_fn', 'if (unformat (input, "mac %U", unformat_ethernet_address, mac)) ;\n      else if (unformat (input, "instance %d", &i)) ;'));
      const a = analyze('create loopback interface instance 4\nset interface state loop4 up\n', { language: 'cli', layer });
      const spec = a.schema.commands.get('create loopback interface');
      assert.ok(spec?.creates, 'the interface naming of the model stays');
      assert.equal(spec?.definedAt?.file, '/ws/vnet/x.c');
      assert.deepEqual(a.diagnostics.map((d) => d.code), [], 'loop4 is known as created');
    });

    it('takes the source when it reads other words than the model (the user changed the command)', () => {
      const layer = own(registration('show version', 'show_version_fn', 'if (unformat (input, "shiny")) ;'));
      const a = analyze('show version shiny\nshow version verbose\n', { language: 'cli', layer });
      assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${a.text.slice(d.start, d.end)}`), ['vpp.unknown-option verbose']);
    });

    it('replaces the release when the folder is a whole VPP tree: a command the tree lacks is unknown', async () => {
      const root = mkdtempSync(join(tmpdir(), 'vpp-tree-'));
      mkdirSync(join(root, 'src', 'vlib'), { recursive: true });
      mkdirSync(join(root, 'src', 'vnet'), { recursive: true });
      writeFileSync(join(root, 'src', 'vlib', 'cli.c'), registration('show version', 'show_version_fn', 'if (unformat (input, "verbose")) ;'));
      writeFileSync(join(root, 'src', 'vnet', 'interface_cli.c'), registration('show interface', 'show_int_fn', 'if (unformat (input, "address")) ;'));
      const index = new SourceIndex(() => {});
      await index.scan([root]);
      const layer = index.layer();
      assert.equal(layer?.sourceTree, root);
      const a = analyze('show version verbose\nshow interface address\nshow hardware-interfaces\n', { language: 'cli', layer });
      const [refused, ...others] = a.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(others, []);
      assert.equal(a.text.slice(refused.start, refused.end), 'hardware-interfaces');
      assert.match(refused.message, /`show hardware-interfaces` is not in the VPP tree at .*vpp-tree-.*; it exists in /);
      assert.deepEqual(labelsAtWith(layer!, 'show |'), ['interface', 'version']);
    });
  });

  describe('reading a folder', () => {
    it('reads the C files under a folder and re-reads one file after it changed', async () => {
      const { root, file } = pluginWorkspace();
      const index = new SourceIndex(() => {});
      const result = await index.scan([root]);
      assert.deepEqual({ files: result.files, withVocabulary: result.withVocabulary }, { files: 1, withVocabulary: 1 });
      const before = index.layer();
      writeFileSync(file, MYPLUGIN_C.replace('if (unformat (input, "verbose"))\n        verbose = 1;', 'if (unformat (input, "verbose"))\n        verbose = 1;\n      else if (unformat (input, "brief"))\n        verbose = 0;'));
      assert.equal(await index.refresh(file), true);
      assert.notEqual(index.layer()?.id, before?.id);
      assert.deepEqual(index.layer()?.commands.find((c) => c.path === 'show myplugin')?.args?.map((a) => a.keyword), ['verbose', 'brief']);
    });

    it('stops at its file limit and says so in the log', async () => {
      const root = mkdtempSync(join(tmpdir(), 'vpp-src-limit-'));
      for (let i = 0; i < 5; i++) writeFileSync(join(root, `f${i}.c`), `VLIB_CLI_COMMAND (c${i}) = { .path = "cmd${i}", };\n`);
      const logged: string[] = [];
      const index = new SourceIndex((m) => logged.push(m), { maxFiles: 3, maxFileBytes: 1_000_000, maxMillis: 60_000 });
      const result = await index.scan([root]);
      assert.equal(result.files, 3);
      assert.equal(index.layer()?.commands.length, 3);
      assert.match(logged.join('\n'), /stopped at 3 files/);
    });
  });

  describe('through vpp-lint --source-root', () => {
    const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
    const lint = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

    it('checks scripts and startup.conf with the commands and section of the plugin', () => {
      const { root } = pluginWorkspace();
      const good = join(root, 'good.vpp');
      writeFileSync(good, 'create loopback interface\nmyplugin enable-disable loop0 table 3\nshow myplugin verbose\n');
      const bad = join(root, 'bad.vpp');
      writeFileSync(bad, 'show myplugin bogus\n');
      const conf = join(root, 'startup.conf');
      writeFileSync(conf, 'myplugin {\n  table-size 4\n}\n');
      assert.equal(lint('--source-root', join(root, 'src'), good, conf).status, 0);
      const r = lint('--format', 'json', '--source-root', root, bad);
      assert.equal(r.status, 1);
      assert.deepEqual(JSON.parse(r.stdout).map((d: any) => `${d.code} ${d.range.start.character}`), ['vpp.unknown-option 14']);
      const without = lint('--format', 'json', bad);
      assert.deepEqual(JSON.parse(without.stdout).map((d: any) => d.code), ['vpp.unknown-command'], 'without the option the command is unknown');
    });

    it('reads the sourceRoots of .vpp-lint.json, relative to it, unless --source-root is given', () => {
      const { root } = pluginWorkspace();
      const bad = join(root, 'deploy', 'bad.vpp');
      mkdirSync(join(root, 'deploy'));
      writeFileSync(bad, 'show myplugin bogus\n');
      writeFileSync(join(root, '.vpp-lint.json'), JSON.stringify({ sourceRoots: ['src/plugins'] }));
      const r = lint('--format', 'json', bad);
      assert.deepEqual(JSON.parse(r.stdout).map((d: any) => d.code), ['vpp.unknown-option']);
      const printed = JSON.parse(lint('--print-config', bad).stdout);
      assert.deepEqual(printed.sourceRoots, [join(root, 'src', 'plugins')]);
      const elsewhere = mkdtempSync(join(tmpdir(), 'vpp-src-empty-'));
      assert.deepEqual(JSON.parse(lint('--format', 'json', '--source-root', elsewhere, bad).stdout).map((d: any) => d.code), ['vpp.unknown-command'], 'the command line wins');
    });

    it('refuses a source root that is not a folder', () => {
      const r = lint('--source-root', '/nonexistent/vpp', 'x.vpp');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--source-root \/nonexistent\/vpp is not a folder/);
    });
  });

  describe('over LSP', function () {
    this.timeout(30_000);
    let client: LspClient;

    before(function () {
      if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
    });
    afterEach(() => client?.kill());

    const readLog = (c: LspClient) => c.waitFor('window/logMessage', (p) => /vpp: read \d+ C files/.test(p.message), 20_000);

    async function open(c: LspClient, uri: string, languageId: string, text: string) {
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return c.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    }

    it('gives the plugin commands, hover, definition and checks, and follows an edit of the C file', async () => {
      const { root, file } = pluginWorkspace();
      client = new LspClient(SERVER);
      await client.initialize(
        { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } },
        { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] },
      );
      await readLog(client);
      const uri = pathToFileURL(join(root, 'setup.vpp')).href;
      const published = await open(client, uri, 'vpp-cli', 'create loopback interface\nmyplugin enable-disable loop0 table 3\nshow myplugin \nshow myplugin bogus\n');
      const errorsSeen = published.diagnostics.filter((d: any) => d.severity === 1);
      assert.deepEqual(errorsSeen.map((d: any) => `${d.code} ${d.range.start.line}`), ['vpp.unknown-option 3']);

      const completion = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 14 } });
      assert.deepEqual((completion.items ?? completion).map((i: any) => i.label), ['verbose']);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
      assert.match(hover.contents.value, /myplugin enable-disable <interface-name> \[table <n>\] \[disable\]/);
      assert.match(hover.contents.value, /myplugin\.c:\d+/);
      const [definition] = await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 2 } });
      assert.equal(definition.uri, pathToFileURL(file).href);
      assert.equal(definition.range.start.line, lineOfFixture('VLIB_CLI_COMMAND (myplugin_show_command'));

      // the developer adds an option: the server re-reads that file when the editor says it changed
      writeFileSync(file, readFileSync(file, 'utf8').replace('if (unformat (input, "verbose"))\n        verbose = 1;', 'if (unformat (input, "verbose"))\n        verbose = 1;\n      else if (unformat (input, "brief"))\n        verbose = 0;'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
      const rechecked = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p !== published);
      assert.ok(rechecked, 'the open script is checked again');
      const after = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 14 } });
      assert.deepEqual((after.items ?? after).map((i: any) => i.label).sort(), ['brief', 'verbose']);
    });

    it('reads the sourceRoots that the .vpp-lint.json of a workspace folder names when vpp.sourceRoots is not set', async () => {
      const { root } = pluginWorkspace();
      writeFileSync(join(root, '.vpp-lint.json'), JSON.stringify({ sourceRoots: ['src/plugins/myplugin'] }));
      client = new LspClient(SERVER);
      await client.initialize(undefined, { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
      const read = await readLog(client);
      assert.ok(read.message.includes(`read 1 C files`) && read.message.includes(`under ${join(root, 'src', 'plugins', 'myplugin')}: 2 commands`), read.message);
    });

    it('publishes the diagnostics of an open script before it has read a 2,000-file C tree', async () => {
      const root = generatedTree(2000);
      client = new LspClient(SERVER);
      await client.initialize(undefined, { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'tree' }] });
      const order: string[] = [];
      const uri = 'file:///elsewhere/setup.vpp';
      const diagnostics = open(client, uri, 'vpp-cli', 'show version\nshow p0-f0 bogus\n').then(() => order.push('diagnostics'));
      const read = readLog(client).then((p) => order.push('tree read') && p);
      await Promise.all([diagnostics, read]);
      assert.deepEqual(order, ['diagnostics', 'tree read']);
      assert.match((await read, client.notifications.find((n) => /vpp: read/.test(n.params?.message ?? ''))!.params.message), /read 2000 C files .*: 2000 commands/);
    });
  });
});
