import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { applyToText, openText } from './editor';

describe('formatting', () => {
  it('re-indents a startup.conf block and keeps every word and comment', async () => {
    const doc = await openText('vpp-startup', 'unix {\nnodaemon\n      cli-listen /run/vpp/cli.sock   # the CLI socket\n}\n');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits && edits.length > 0, 'no formatting edits');
    const formatted = applyToText(doc, edits);
    const lines = formatted.split('\n');
    assert.equal(lines[0], 'unix {');
    assert.equal(lines[1], '  nodaemon');
    assert.match(lines[2], /^ {2}cli-listen \/run\/vpp\/cli\.sock\s+# the CLI socket$/);
    assert.equal(lines[3], '}');
  });
});
