/**
 * A pathological document must not hold up the others: while the server reads one (a 10 MB line,
 * 100,000 `{`, a million lines, a 1 MB word), a hover on a small document is answered at once. The
 * figure is the slowest of the hovers sent every 20 ms from the moment the big document is opened
 * until its diagnostics arrive.
 */
import { LspTimer } from './lspTimer';

type Report = (name: string, value: number, unit: string, workload: string) => void;

/** `plugins { }` with 20,000 `plugin x.so { enable }` (729 KB): one section, which used to be one step of its own. */
function hugeSection(): string {
  let out = 'plugins {\n';
  for (let i = 0; i < 20_000; i++) out += `  plugin p${i}_plugin.so { enable }\n`;
  return out + '}\n';
}

/** `languages`: where the shape means something (a section is startup.conf's); both when absent. */
export const PATHOLOGICAL: { name: string; text: () => string; languages?: readonly ('cli' | 'startup')[] }[] = [
  { name: '10 MB line', text: () => 'set interface state tap0 up '.repeat(360_000) },
  { name: '100,000 {', text: () => '{'.repeat(100_000) },
  { name: 'a million lines', text: () => 'show interface\n'.repeat(1_000_000) },
  { name: '1 MB word', text: () => `create tap ${'x'.repeat(1_000_000)}\n` },
  { name: '1 MB word of $(', text: () => `create tap ${'$('.repeat(500_000)}\n` },
  { name: 'one section of 20,000 plugins', text: hugeSection, languages: ['startup'] },
];

export async function runBlocking(server: string, report: Report): Promise<void> {
  for (const languageId of ['vpp-cli', 'vpp-startup']) {
    for (const p of PATHOLOGICAL) {
      if (p.languages && !p.languages.includes(languageId === 'vpp-cli' ? 'cli' : 'startup')) continue;
      const timer = new LspTimer(server);
      try {
        await timer.initialize();
        const small = 'file:///bench/small.vpp';
        await timer.open(small, 'vpp-cli', 'create tap id 0\n');
        const big = `file:///bench/big.${languageId === 'vpp-cli' ? 'vpp' : 'startup.conf'}`;
        let done = false;
        const opened = timer.open(big, languageId, p.text(), 300_000).then((ms) => ((done = true), ms));
        const hovers: number[] = [];
        while (!done) {
          hovers.push(await timer.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 8 } }));
          await new Promise((r) => setTimeout(r, 20));
        }
        const label = `${p.name} (${languageId}) open`;
        report('hover-elsewhere-max', Math.max(...hovers), 'ms', label);
        report('open-to-diagnostics', await opened, 'ms', label);
      } finally {
        await timer.shutdown();
      }
    }
  }
}
