import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { applyToText, openExample, positionOf } from './editor';

describe('rename', () => {
  it('renames an interface where it is created and everywhere it is used', async () => {
    const doc = await openExample('af_xdp.vpp');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, positionOf(doc, 'state afxdp0', 'state a'.length), 'xdp-uplink');
    const edits = edit?.get(doc.uri) ?? [];
    assert.ok(edits.length > 0, 'no rename edits');
    const renamed = applyToText(doc, edits);
    const code = (text: string) => text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    assert.equal(code(renamed), code(doc.getText()).replaceAll('afxdp0', 'xdp-uplink'));
  });
});
