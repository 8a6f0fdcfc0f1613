import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { errorsOf, eventually, openText } from './editor';

describe('quick fixes', () => {
  it('turns `af-xdp` into `af_xdp`, and the error goes away', async () => {
    const doc = await openText('vpp-cli', 'create interface af-xdp host-if eth0 name afxdp0\nset interface state afxdp0 up\n');
    const [error] = await eventually('the af-xdp error', () => errorsOf(doc.uri).length > 0 && errorsOf(doc.uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, error.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.match(fix.title, /af_xdp/);
    assert.ok(fix.edit, 'the fix is an edit, not a command');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.lineAt(0).text, 'create interface af_xdp host-if eth0 name afxdp0');
    await eventually('the error to disappear', () => errorsOf(doc.uri).length === 0);
  });
});
