import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, codeOf, eventually, exampleUri } from './editor';

describe('the workspace, linted', () => {
  it('VPP: Check All Files in Workspace runs the vpp-lint task, whose problem matcher reports files that are not open', async () => {
    await activeExtension();
    const tasks = await vscode.tasks.fetchTasks({ type: 'vpp-lint' });
    assert.equal(tasks.length, 1);
    assert.equal(tasks[0].name, 'check all files');
    const ended = new Promise<void>((resolve) => vscode.tasks.onDidEndTask((e) => e.execution.task.definition.type === 'vpp-lint' && resolve()));
    await vscode.commands.executeCommand('vpp.checkWorkspace');
    await ended;
    const fromTask = await eventually('the task to report broken.vpp', () => {
      const found = vscode.languages.getDiagnostics(exampleUri('broken.vpp')).filter((d) => d.source === 'vpp-lint');
      return found.length > 0 && found;
    });
    assert.deepEqual(fromTask.map((d) => [codeOf(d), d.severity, d.range.start.line, d.range.start.character]), [['vpp.unknown-command', vscode.DiagnosticSeverity.Error, 1, 17]]);
    for (const clean of ['tap.vpp', 'startup.conf']) assert.deepEqual(vscode.languages.getDiagnostics(exampleUri(clean)).filter((d) => d.source === 'vpp-lint'), [], clean);
  });

  it('reads .vpp-lint.json, where the settings the user left unset do not override it', async () => {
    const config = exampleUri('.vpp-lint.json');
    const script = exampleUri('config-check.vpp');
    await vscode.workspace.fs.writeFile(config, Buffer.from('{ "diagnostics": { "unknown-command": "warning" } }\n'));
    await vscode.workspace.fs.writeFile(script, Buffer.from('create interface af-xdp host-if eth0\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(script);
      await vscode.window.showTextDocument(doc);
      // VS Code would send the default ("error") for vpp.diagnostics.unknown-command; the file wins over a default
      await eventually('the file to lower the error to a warning', () =>
        vscode.languages.getDiagnostics(script).some((d) => d.source !== 'vpp-lint' && codeOf(d) === 'vpp.unknown-command' && d.severity === vscode.DiagnosticSeverity.Warning),
      );
    } finally {
      await vscode.workspace.fs.delete(config);
      await vscode.workspace.fs.delete(script);
    }
  });
});
