import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openExample, positionOf } from './editor';

describe('semantic tokens', () => {
  it('classifies the words of a script, starting with its commands', async () => {
    const doc = await openExample('tap.vpp');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(legend && legend.tokenTypes.length > 0, 'no legend');
    assert.ok(tokens && tokens.data.length > 0, 'no tokens');
    const starts: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
      starts.push(`${line}:${character}`);
    }
    const create = positionOf(doc, 'create tap');
    assert.ok(starts.includes(`${create.line}:${create.character}`), `no token at \`create\` (${create.line}:${create.character})`);
  });
});
