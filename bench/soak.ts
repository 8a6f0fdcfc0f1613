/**
 * The long-session figures of `npm run bench`: a server that lives all day in the editor must not
 * grow with the edits it has seen. Each soak opens one script and edits it for a long time, with a
 * completion or a hover after every edit (so that each version is analysed, as when a user types),
 * and reads the server's resident memory at the start, at every checkpoint and at the end. The
 * growth is measured from the first checkpoint (after warm-up: the code is compiled, the heap has
 * reached its working size) to the end.
 */
import { generateScript } from './generate';
import { LspTimer } from './lspTimer';

type Report = (name: string, value: number, unit: string, workload: string) => void;

export interface Soak {
  name: string;
  lines: number;
  edits: number;
  checkpoint: number;
  /** `typing`: a word typed and deleted again, one character per edit, moving to another line after each word; `one-per-line`: one keystroke on each of `edits` lines. */
  pattern: 'typing' | 'one-per-line';
}

export const SOAKS: Soak[] = [
  { name: 'soak-2k-lines', lines: 2_000, edits: 20_000, checkpoint: 5_000, pattern: 'typing' },
  { name: 'soak-500kb', lines: 13_000, edits: 2_000, checkpoint: 500, pattern: 'one-per-line' },
];

const WORD = ' typing';

/** The line, column and text of edit `i`: each keeps the document the same size over a round trip. */
function editAt(soak: Soak, lines: readonly string[], i: number): { line: number; character: number; insert: boolean } {
  if (soak.pattern === 'one-per-line') {
    const line = (i * 7) % lines.length;
    return { line, character: lines[line].length, insert: true };
  }
  // a word typed then deleted on one line, then on another (the lines of a site's block)
  const round = Math.floor(i / (2 * WORD.length));
  const line = (round * 37) % lines.length;
  const k = i % (2 * WORD.length);
  return k < WORD.length ? { line, character: lines[line].length + k, insert: true } : { line, character: lines[line].length + (2 * WORD.length - k) - 1, insert: false };
}

export async function runSoak(server: string, soak: Soak, nodeArgs: readonly string[], report: Report): Promise<void> {
  const label = `${soak.name}${nodeArgs.length ? ` ${nodeArgs.join(' ')}` : ''}`;
  const text = generateScript(soak.lines);
  const lines = text.split('\n');
  const uri = `file:///bench/${soak.name}.vpp`;
  const timer = new LspTimer(server, nodeArgs);
  let exited: string | undefined;
  timer.client.child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  try {
    await timer.initialize();
    await timer.open(uri, 'vpp-cli', text);
    report('rss-start', timer.rssMb(), 'MB', `${label}, ${(text.length / 1e6).toFixed(2)} MB`);
    let warm = NaN;
    const t = performance.now();
    for (let i = 0; i < soak.edits; i++) {
      const { line, character, insert } = editAt(soak, lines, i);
      const at = { line, character };
      const range = insert ? { start: at, end: at } : { start: at, end: { line, character: character + 1 } };
      const typed = soak.pattern === 'typing' ? WORD[i % (2 * WORD.length)] : 'x';
      timer.editNoWait(uri, range, insert ? typed : '');
      const method = i % 2 === 0 ? 'textDocument/completion' : 'textDocument/hover';
      await timer.request(method, { textDocument: { uri }, position: { line, character: character + (insert ? 1 : 0) } });
      if (exited) throw new Error(`the server ended (${exited}) at edit ${i + 1}: ${timer.client.stderr.slice(-500)}`);
      if ((i + 1) % soak.checkpoint === 0) {
        const rss = timer.rssMb();
        if (Number.isNaN(warm)) warm = rss;
        report(`rss-after-${i + 1}-edits`, rss, 'MB', label);
        // the client keeps every notification it reads; the bench does not need the old ones
        timer.client.notifications.length = 0;
      }
    }
    const end = timer.rssMb();
    report('rss-end', end, 'MB', label);
    report('rss-growth-after-warm-up', ((end - warm) / warm) * 100, '%', `${label}, from edit ${soak.checkpoint} to ${soak.edits}`);
    report('edit-and-request-mean', (performance.now() - t) / soak.edits, 'ms', label);
  } finally {
    await timer.shutdown();
  }
}
