import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { INTERFACE_TYPES } from '../../../server/src/schema/docs/interfaceTypes';
import { hoverText, openExample, positionOf } from './editor';

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
}

describe('hover', () => {
  it('shows the course facts of AF_XDP on `create interface af_xdp`', async () => {
    const doc = await openExample('af_xdp.vpp');
    const text = await hoverAt(doc, positionOf(doc, 'create interface af_xdp', 'create interface a'.length));
    const course = INTERFACE_TYPES.find((t) => t.id === 'af_xdp')!;
    assert.ok(text.includes(course.title), `hover without "${course.title}": ${text}`);
    assert.ok(text.includes(course.matrix.throughput), 'the selection-matrix row is there');
  });

  it('documents a startup.conf parameter', async () => {
    const doc = await openExample('startup.conf');
    const text = await hoverAt(doc, positionOf(doc, 'startup-config', 2));
    assert.match(text, /startup-config/);
  });
});
