import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, openExample } from './editor';

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
});
