import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { endOf, openText } from './editor';

const help = (doc: vscode.TextDocument, trigger?: string) =>
  vscode.commands.executeCommand<vscode.SignatureHelp | undefined>('vscode.executeSignatureHelpProvider', doc.uri, endOf(doc), trigger);

// VS Code's executeSignatureHelpProvider always asks as if invoked by hand: that it does not open on
// every typed space is shown by the Playwright suite (test/e2e/ui), which types.
describe('signature help', () => {
  it('shows the synopsis of `create tap` on the space after the command word, and when asked', async () => {
    const typed = await help(await openText('vpp-cli', 'create tap '), ' ');
    assert.ok(typed && typed.signatures.length > 0, 'no signature');
    assert.match(typed.signatures[typed.activeSignature ?? 0].label, /create tap/);
    const asked = await help(await openText('vpp-cli', 'create tap id 0 '));
    assert.match(asked?.signatures[0]?.label ?? '', /create tap/);
  });

  it('shows the value of a startup.conf parameter', async () => {
    const typed = await help(await openText('vpp-startup', 'memory {\n  main-heap-size '), ' ');
    assert.equal(typed?.signatures[0]?.label, 'main-heap-size <size>');
  });
});
