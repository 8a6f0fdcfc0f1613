import { strict as assert } from 'node:assert';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { computeFoldingRanges } from '../server/src/features/folding';
import { analyzeBroken, BROKEN_DOCUMENTS } from './brokenDocuments';
import { analyzeScript, analyzeStartup } from './helpers';

/** Ranges as `first-last` with 1-based lines, `c` marking comment ranges. */
function folds(ranges: FoldingRange[]): string[] {
  return ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind === FoldingRangeKind.Comment ? ' c' : ''}`);
}

describe('folding ranges', () => {
  it('startup.conf: every block over several lines, from its name to the line before `}`', () => {
    const text = [
      'unix {', //             1
      '  nodaemon', //         2
      '}', //                  3
      'api-trace { on }', //   4
      'dpdk', //               5
      '{', //                  6
      '  dev 0000:02:00.0 {', // 7
      '    num-rx-queues 2', // 8
      '  }', //                9
      '  dev default { num-rx-desc 512', // 10
      '    num-tx-desc 512 }', // 11
      '}', //                  12
      '',
    ].join('\n');
    assert.deepEqual(folds(computeFoldingRanges(analyzeStartup(text))), ['1-2', '5-11', '7-8', '10-11']);
  });

  it('runs of comment lines, in both languages', () => {
    const startup = '# one\n# two\n\n# alone\nunix {\n  # inside\n  # too\n  nodaemon\n}\n';
    assert.deepEqual(folds(computeFoldingRanges(analyzeStartup(startup))), ['1-2 c', '5-8', '6-7 c']);
    const script = '# a\n# b\nshow version # not a comment line\n# c\n';
    assert.deepEqual(folds(computeFoldingRanges(analyzeScript(script))), ['1-2 c']);
  });

  it('script: a line continued with `\\`, such as a long `comment { }`', () => {
    const text = 'comment { first \\\n  second \\\n  third }\nshow version\n';
    assert.deepEqual(folds(computeFoldingRanges(analyzeScript(text))), ['1-3']);
  });

  it('script: the consecutive lines that configure one interface', () => {
    const text = [
      'create tap id 0', // 1
      '# uplink', //        2
      'set interface state tap0 up', // 3
      'set interface ip address tap0 10.0.0.1/24', // 4
      'create sub-interfaces tap0 100 dot1q 100', // 5
      'create loopback interface', // 6
      'set interface state loop0 up', // 7
      'show version', // 8
      'set interface state GigabitEthernet0/8/0 up', // 9
      'set interface mtu 9000 GigabitEthernet0/8/0', // 10
      '',
    ].join('\n');
    assert.deepEqual(folds(computeFoldingRanges(analyzeScript(text))), ['1-5', '6-7', '9-10']);
  });

  it('ranges never cross: each is inside another or apart from it', () => {
    const text = '# a\n# b\ncreate tap id 0\n# c\n# d\nset interface state tap0 up\ncomment { x \\\n y }\nset interface state tap0 down\n';
    const ranges = computeFoldingRanges(analyzeScript(text));
    for (const r of ranges) {
      for (const s of ranges) {
        const crosses = r.startLine < s.startLine && s.startLine <= r.endLine && r.endLine < s.endLine;
        assert.ok(!crosses, `${JSON.stringify(r)} crosses ${JSON.stringify(s)}`);
      }
    }
    assert.deepEqual(folds(ranges), ['1-2 c', '3-6', '4-5 c', '7-8']);
  });

  it('survives broken documents with ranges inside the document', () => {
    for (const doc of BROKEN_DOCUMENTS) {
      const a = analyzeBroken(doc);
      for (const r of computeFoldingRanges(a)) assert.ok(r.startLine < r.endLine && r.endLine < a.lines.lineCount, JSON.stringify(r));
    }
  });
});
