import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openExample } from './editor';

type Symbol = vscode.DocumentSymbol | vscode.SymbolInformation;

function names(symbols: readonly Symbol[]): string[] {
  return symbols.flatMap((s) => [`${s.name} ${'detail' in s ? s.detail : ''}`, ...('children' in s ? names(s.children) : [])]);
}

describe('document symbols', () => {
  it('outline startup.conf by section, with parameters inside', async () => {
    const doc = await openExample('startup.conf');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols?.length, 'no document symbols');
    const top = symbols.map((s) => s.name);
    for (const section of ['unix', 'cpu', 'dpdk', 'plugins', 'linux-cp']) assert.ok(top.includes(section), `${section} missing from ${top.join(' ')}`);
    const unix = symbols.find((s) => s.name === 'unix')!;
    assert.ok(names(unix.children ?? []).some((n) => n.startsWith('startup-config')), 'unix lists startup-config');
  });

  it('outline a script with the interface it creates', async () => {
    const doc = await openExample('af_xdp.vpp');
    const symbols = await vscode.commands.executeCommand<Symbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols?.length, 'no document symbols');
    assert.ok(names(symbols).some((n) => n.includes('afxdp0')), names(symbols).join(' | '));
  });
});
