/**
 * Prints the figures of a benchmark run (bench/out/results.json, or the file named) as Markdown
 * tables for bench/README.md: the figures of the scripts and startup.conf workloads as one table,
 * a row per figure and a column per workload, with issue 16's target where it has one; then every
 * other figure (peer ratios, in-process edits, lint, pathological documents, soaks) as a list.
 *
 *     npx tsx bench/table.ts [bench/out/results.json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Figure {
  name: string;
  value: number;
  unit: string;
  workload: string;
}

const file = process.argv[2] ?? join(import.meta.dirname, 'out', 'results.json');
const { date, figures } = JSON.parse(readFileSync(file, 'utf8')) as { date: string; figures: Figure[] };

/** Issue 16's targets, by figure name (ms unless said). */
const TARGETS: [RegExp, string][] = [
  [/^open-to-first-diagnostics/, '≤ 50 / ≤ 600 (10k / 100k; the visible part first is allowed)'],
  [/^open-to-diagnostics-p50$/, '≤ 50 / ≤ 600 (10k / 100k)'],
  [/^((newline-)?edit-to-diagnostics|(edit-create|edit-delete|edit-use|delete-create|undo-delete-create|type-create)-line|(paste|remove)-1000-lines)-p50$/, '≤ 5'],
  [/^(edit-to-diagnostics|(edit-create|edit-delete|edit-use|delete-create|undo-delete-create|type-create)-line|(paste|remove)-1000-lines)-p99$/, '≤ 20'],
  [/^(completion|hover)(-interface(-typed)?)?-p99$/, '≤ 5'],
  [/^peak-rss$/, '≤ 150 MB at 100k (goal 80)'],
];

const tableWorkloads = [...new Set(figures.filter((f) => /^(script|dense|routes|startup)-\d+k?$/.test(f.workload)).map((f) => f.workload))];
const inTable = (f: Figure) => tableWorkloads.includes(f.workload);
const format = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(2));

console.log(`Run of ${date}.\n`);
console.log(`| figure | unit | ${tableWorkloads.join(' | ')} | target |`);
console.log(`| --- | --- | ${tableWorkloads.map(() => '---:').join(' | ')} | --- |`);
for (const name of [...new Set(figures.filter(inTable).map((f) => f.name))]) {
  const of = (w: string) => figures.find((f) => f.name === name && f.workload === w);
  const unit = figures.find((f) => f.name === name)!.unit;
  const target = TARGETS.find(([re]) => re.test(name))?.[1] ?? '';
  console.log(`| ${name} | ${unit} | ${tableWorkloads.map((w) => (of(w) ? format(of(w)!.value) : '')).join(' | ')} | ${target} |`);
}
console.log('');
for (const f of figures.filter((x) => !inTable(x))) console.log(`- ${f.name} (${f.workload}): ${format(f.value)} ${f.unit}`);
