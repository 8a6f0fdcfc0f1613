import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { computeCompletion } from '../server/src/features/completion';
import { analyzeAs, analyzeScript, withCursor } from './helpers';

const ROOT = join(import.meta.dirname, '..');

/** Expands a VS Code snippet body with its defaults: `${1:x}` → x, `$1` → the default of 1, choices → the first. */
export function expandSnippet(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  for (const m of text.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)) if (!defaults.has(m[1])) defaults.set(m[1], m[2].split(',')[0]);
  return text
    .replace(/\$\{(\d+):[^}]*\}/g, (_, n) => defaults.get(n)!)
    .replace(/\$\{(\d+)\|[^|]*\|\}/g, (_, n) => defaults.get(n)!)
    .replace(/\$\{?(\d+)\}?/g, (_, n) => defaults.get(n) ?? '')
    .replace(/\\t|\t/g, '  ');
}

for (const [file, language] of [['vpp-cli.json', 'cli'], ['vpp-startup.json', 'startup']] as const) {
  describe(`snippets/${file}`, () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, { body: string[] }>;
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`"${name}" expanded with its defaults gets no error or warning VPP would raise`, () => {
        const text = expandSnippet(snippet.body);
        const analysis = analyzeAs(language, text);
        const problems = analysis.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && d.code !== 'vpp.plugin-disabled'));
        assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), [], text);
        if (language === 'cli') assert.ok(analysis.commands.filter((c) => c.kind === 'command').length >= 2, 'the snippet holds commands');
        else assert.ok(analysis.startup!.sections.length >= 1);
      });
    }
  });
}

describe('interface snippets offered by the language server', () => {
  const CAPS = { snippetSupport: true, markdown: true };
  const snippetsAt = (fixture: string) => {
    const { text, offset } = withCursor(fixture);
    const analysis = analyzeScript(text);
    return computeCompletion(analysis, analysis.lines.positionAt(offset), CAPS).items.filter((i) => i.kind === CompletionItemKind.Snippet);
  };
  const bodyOf = (item: CompletionItem) => (item.textEdit ? item.textEdit.newText : item.textEditText!);

  it('offers each snippet once, where a line starts, matched by any of its prefixes', () => {
    const items = snippetsAt('create tap id 0\n|');
    const tap = items.filter((i) => /TAP/.test(i.label));
    assert.equal(tap.length, 1, 'one TAP snippet');
    assert.match(tap[0].filterText ?? '', /\btap\b/);
    assert.ok(items.length >= 6, items.map((i) => i.label).join(', '));
  });

  it('offers none in the middle of a command or after its first word', () => {
    assert.deepEqual(snippetsAt('create tap id 0 |'), []);
    assert.deepEqual(snippetsAt('set interface state |'), []);
    assert.deepEqual(snippetsAt('create t|'), []);
  });

  it('fills in ids, names and addresses that are free in the file, and the result is accepted', () => {
    let text = '';
    for (let round = 0; round < 3; round++) {
      for (const item of snippetsAt(`${text}|`)) text += `${expandSnippet([bodyOf(item)])}\n`;
    }
    assert.match(text, /create tap id 2 host-if-name vpp2 host-ip4-addr 10\.10\.2\.2\/30/);
    assert.match(text, /create vhost-user socket \/run\/vpp\/vm2\.sock/);
    assert.match(text, /create memif socket id 3 filename \/run\/vpp\/memif3\.sock/);
    const analysis = analyzeAs('cli', text);
    const problems = analysis.diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && d.code !== 'vpp.plugin-disabled'));
    assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), [], text);
  });
});

describe('startup.conf skeletons offered by the language server', () => {
  const snippetsAt = (fixture: string) => {
    const { text, offset } = withCursor(fixture);
    const analysis = analyzeAs('startup', text);
    // `{ … }`, which opens a section's block, is a snippet too: only the skeletons count here
    return computeCompletion(analysis, analysis.lines.positionAt(offset), { snippetSupport: true, markdown: true }).items.filter((i) => i.kind === CompletionItemKind.Snippet && i.label !== '{ … }');
  };

  it('offers the skeletons in a file without sections, matched by their prefixes', () => {
    const items = snippetsAt('|');
    assert.equal(items.length, 4, items.map((i) => i.label).join(', '));
    assert.ok(items.some((i) => /\bdpdk\b/.test(i.filterText ?? '')));
    assert.equal(snippetsAt('dp|').length, 4, 'while the first word is typed');
  });

  it('offers none once the file has a section, and none inside a block or after a section name', () => {
    assert.deepEqual(snippetsAt('unix { nodaemon }\n|'), []);
    assert.deepEqual(snippetsAt('dpdk {\n  |\n}\n'), []);
    assert.deepEqual(snippetsAt('dpdk |'), []);
  });
});
