import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openExample, positionOf } from './editor';

type Target = vscode.Location | vscode.LocationLink;
const rangeOf = (t: Target) => ('targetRange' in t ? (t.targetSelectionRange ?? t.targetRange) : t.range);
const uriOf = (t: Target) => ('targetUri' in t ? t.targetUri : t.uri);

describe('go to definition', () => {
  it('goes from a use of `afxdp0` to the command that creates it', async () => {
    const doc = await openExample('af_xdp.vpp');
    const create = positionOf(doc, 'name afxdp0', 'name '.length);
    const targets = await vscode.commands.executeCommand<Target[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'state afxdp0', 'state a'.length));
    assert.equal(targets.length, 1);
    assert.equal(uriOf(targets[0]).toString(), doc.uri.toString());
    assert.ok(rangeOf(targets[0]).contains(create), `definition at ${JSON.stringify(rangeOf(targets[0]))}, create name at ${JSON.stringify(create)}`);
  });
});
