import type { Position } from 'vscode-languageserver-types';
import type { Analysis, Language } from '../server/src/analysis/analyze';
import { analyzeAs } from './helpers';

/** Documents a user may well have open mid-edit: unclosed braces, stray `}`, templates, CRLF, emoji. */
export const BROKEN_DOCUMENTS: readonly { language: Language; text: string }[] = [
  { language: 'cli', text: '' },
  { language: 'cli', text: 'create tap { id 0 \\\n  host-if-name \ncreate interface af_xdp host-if eth0 name\n}}' },
  { language: 'cli', text: 'uncomment { create tap id $(ID) host-ns\n$(X) { set interface state\ncomment { # } lcp create\r\nsh int 🙂 \\' },
  { language: 'cli', text: 'create sub-interfaces tap0 1-100000 dot1q\nset interface ip address del\nip route add via {{ .GW }} \\\n\\\n' },
  { language: 'startup', text: '' },
  { language: 'startup', text: 'dpdk { dev 0000:02:00.0 { num-rx-queues\nplugins { plugin\n}} unix' },
  { language: 'startup', text: '{ } } unix { nodaemon cli-listen /run/vpp/cli.sock # x\r\n  {% if x %} dpdk { dev default { rss { ipv4 } } } 🙂 node { foo { variant' },
];

/** Every position of the document, one past each line end, and a few outside it. */
export function everyPosition(analysis: Analysis): Position[] {
  const out: Position[] = [];
  for (let offset = 0; offset <= analysis.text.length; offset++) out.push(analysis.lines.positionAt(offset));
  for (let line = 0; line < analysis.lines.lineCount; line++) out.push({ line, character: 10_000 });
  out.push({ line: analysis.lines.lineCount + 3, character: 0 }, { line: -1, character: -5 }, { line: 0, character: Number.NaN });
  return out;
}

export function analyzeBroken(doc: { language: Language; text: string }): Analysis {
  return analyzeAs(doc.language, doc.text);
}
