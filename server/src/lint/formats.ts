import type { LintResult } from './lintText';
import type { Format } from './options';
import { sarifLog } from './sarif';

/** Prints the findings of the files linted (`files`, in order, including clean ones) in a format. */
export function formatResults(format: Format, results: readonly LintResult[], files: readonly string[], version: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(results, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarifLog(results, version), null, 2)}\n`;
    case 'github':
      return results.map(githubCommand).join('');
    case 'checkstyle':
      return checkstyle(results, files);
    case 'text':
      return results.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} ${r.code} ${r.message}\n`).join('');
  }
}

/** `::error file=F,line=L,...::message`, the workflow command GitHub Actions turns into an annotation. */
function githubCommand(r: LintResult): string {
  const level = r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(r.file)}`,
    `line=${r.range.start.line + 1}`,
    `endLine=${r.range.end.line + 1}`,
    `col=${r.range.start.character + 1}`,
    `endColumn=${r.range.end.character + 1}`,
    `title=${escapeProperty(r.code)}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(r.message)}\n`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function checkstyle(results: readonly LintResult[], files: readonly string[]): string {
  const byFile = new Map<string, LintResult[]>(files.map((f) => [f, []]));
  for (const r of results) byFile.get(r.file)?.push(r) ?? byFile.set(r.file, [r]);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of byFile) {
    out.push(`  <file name="${xml(file)}">`);
    for (const r of findings) {
      const severity = r.severity === 'error' || r.severity === 'warning' ? r.severity : 'info';
      out.push(`    <error line="${r.range.start.line + 1}" column="${r.range.start.character + 1}" severity="${severity}" message="${xml(r.message)}" source="${xml(r.code)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}

/** XML attribute text; characters XML 1.0 cannot carry at all become U+FFFD. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
