import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { endOf, labelOf, openText } from './editor';

async function labelsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  // word-based suggestions (kind Text) would list the words of open files: only the server's items count
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
}

describe('completion', () => {
  it('lists the options of `create tap`', async () => {
    const doc = await openText('vpp-cli', 'create tap ');
    const labels = await labelsAt(doc, endOf(doc));
    for (const option of ['id', 'host-if-name', 'host-ns', 'host-ip4-addr', 'rx-ring-size']) assert.ok(labels.includes(option), `${option} missing from ${labels.join(' ')}`);
  });

  it('lists the interface types after `create interface`', async () => {
    const doc = await openText('vpp-cli', 'create interface ');
    const labels = await labelsAt(doc, endOf(doc));
    for (const type of ['af_xdp', 'memif']) assert.ok(labels.includes(type), `${type} missing from ${labels.join(' ')}`);
  });

  it('lists unix parameters inside `unix { }` in startup.conf', async () => {
    const doc = await openText('vpp-startup', 'unix {\n  \n}\n');
    const labels = await labelsAt(doc, new vscode.Position(1, 2));
    for (const param of ['startup-config', 'cli-listen', 'nodaemon']) assert.ok(labels.includes(param), `${param} missing from ${labels.join(' ')}`);
  });

  it('offers one TAP snippet where a line starts, with the next free tap id, and none among the options', async () => {
    const doc = await openText('vpp-cli', 'create tap id 0 host-if-name vpp0\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, endOf(doc));
    // VS Code's own snippet items would come from contributed snippets: the server's are the only ones
    const taps = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && /TAP/.test(labelOf(i)));
    assert.equal(taps.length, 1, taps.map(labelOf).join(', '));
    const text = taps[0].insertText instanceof vscode.SnippetString ? taps[0].insertText.value : String(taps[0].insertText ?? (taps[0].textEdit as vscode.TextEdit | undefined)?.newText);
    assert.match(text, /create tap id \$\{1:1\} host-if-name \$\{2:vpp1\}/);
    const inside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 'create tap id 0 '.length));
    assert.deepEqual(inside.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf), []);
  });
});
