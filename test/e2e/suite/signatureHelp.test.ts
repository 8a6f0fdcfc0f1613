import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { endOf, openText } from './editor';

describe('signature help', () => {
  it('shows the synopsis of `create tap` while its options are typed', async () => {
    const doc = await openText('vpp-cli', 'create tap id 0 ');
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp | undefined>('vscode.executeSignatureHelpProvider', doc.uri, endOf(doc), ' ');
    assert.ok(help && help.signatures.length > 0, 'no signature');
    assert.match(help.signatures[help.activeSignature ?? 0].label, /create tap/);
  });
});
