import { strict as assert } from 'node:assert';
import { chooseInterfaceType, DECISION_QUESTIONS, selectionMatrixMarkdown, snippetForType } from '../server/src/features/interfaceChooser';
import { INTERFACE_TYPES } from '../server/src/schema/docs/interfaceTypes';

describe('interface chooser', () => {
  it('answers each decision question with its type, the first yes winning', () => {
    DECISION_QUESTIONS.forEach((q, i) => {
      const answers = DECISION_QUESTIONS.map((_, j) => j >= i);
      assert.equal(chooseInterfaceType(answers), q.answer);
    });
    assert.equal(chooseInterfaceType(DECISION_QUESTIONS.map(() => false)), undefined);
  });

  it('has a snippet for every type the questions can choose', () => {
    for (const q of DECISION_QUESTIONS) {
      const found = snippetForType(q.answer);
      assert.ok(found, `no snippet for ${q.answer}`);
      assert.ok(found.snippet.body.length > 0);
    }
    assert.equal(snippetForType('dpdk')?.language, 'vpp-startup');
    assert.equal(snippetForType('tap')?.language, 'vpp-cli');
  });

  it('renders the selection matrix as a Markdown table with every column the course compares', () => {
    const md = selectionMatrixMarkdown();
    for (const label of ['Max throughput', 'Kernel bypass', 'Linux stack access', 'Zero-copy', 'VM/QEMU support', 'Setup complexity', 'Primary use']) {
      assert.match(md, new RegExp(`\\| \\*\\*${label.replace('/', '\\/')}\\*\\* \\|`));
    }
    const header = md.split('\n').find((l) => l.startsWith('| |'))!;
    for (const id of ['dpdk', 'memif', 'tap', 'af_xdp', 'vhost-user', 'af_packet']) {
      const title = INTERFACE_TYPES.find((t) => t.id === id)!.title;
      assert.ok(header.includes(title), `${title} is a column`);
    }
  });
});
