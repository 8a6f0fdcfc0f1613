import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAs } from './helpers';

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
