import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, eventually, exampleUri, openExample } from './editor';

describe('the installed extension', () => {
  it('activates and gives the example files their VPP languages', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
    assert.equal((await openExample('startup.conf')).languageId, 'vpp-startup');
    for (const script of ['tap.vpp', 'af_xdp.vpp', 'vhost-user.vpp', 'af_packet.vpp', 'linux-cp.vpp', 'memif.vpp', 'broken.vpp']) {
      assert.equal((await openExample(script)).languageId, 'vpp-cli', script);
    }
  });

  it('registers its commands', async () => {
    await activeExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['vpp.chooseInterface', 'vpp.showSelectionMatrix', 'vpp.selectRelease', 'vpp.setLanguage', 'vpp.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is missing`);
    }
  });

  it('switches a plain-text vpp.conf to VPP as soon as what is typed is clearly VPP', async () => {
    await activeExtension();
    const uri = exampleUri('typed/vpp.conf');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.ok(!doc.languageId.startsWith('vpp-'), `an empty vpp.conf is not VPP yet (${doc.languageId})`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'unix {\n  nodaemon\n  cli-listen /run/vpp/cli.sock\n}\ncpu {\n  main-core 1\n}\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually('vpp.conf switched to vpp-startup while unsaved', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'vpp-startup');
  });

  it('shows the selection matrix as a read-only document: no untitled file, nothing to save', async () => {
    await activeExtension();
    const untitled = () => vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.getText().includes('Max throughput')).length;
    const before = untitled();
    await vscode.commands.executeCommand('vpp.showSelectionMatrix');
    const matrix = await eventually('the matrix document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'vpp-matrix'));
    assert.match(matrix.getText(), /Max throughput/);
    assert.equal(matrix.isDirty, false);
    assert.equal(untitled(), before, 'no untitled copy of the matrix');
  });
});
