/**
 * Asks VPP a few lines and prints its raw answer and our reading of it, without recording:
 * for looking into one disagreement.
 *   VPP_BUILD=/path/to/vpp/build npx tsx tools/vpp-referee/ask.ts FILE   # one line per script line
 */
import { readLineList } from './cases';
import { classify } from './verdicts';
import { findBuild, prepareNamespace, removeNamespace, Vpp } from './vpp';

const lines = readLineList(process.argv[2]);
prepareNamespace();
const vpp = new Vpp(findBuild(process.env.VPP_BUILD ?? ''));
try {
  await vpp.start();
  for (const line of lines) {
    // a line starting with `!` goes to vppctl as a command of its own rather than through exec
    const answer = line.startsWith('!') ? await vpp.direct(line.slice(1).trim()) : await vpp.run(line);
    console.log(`> ${line}\n${answer.out.trimEnd()}\n= ${JSON.stringify(classify(answer.out))}\n`);
    await vpp.restore();
  }
} finally {
  vpp.stop();
  removeNamespace();
}
