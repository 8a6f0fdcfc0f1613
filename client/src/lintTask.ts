import * as vscode from 'vscode';

/** The task type the extension provides; `tasks.json` may also define one with its own `files`. */
export const LINT_TASK_TYPE = 'vpp-lint';

interface LintTaskDefinition extends vscode.TaskDefinition {
  files?: string[];
}

/**
 * `vpp-lint` over a workspace folder, as a task whose output the `$vpp-lint` problem matcher turns
 * into problems: files that are not open get theirs too. The extension's own bundle runs it, with
 * the extension host's Node (Electron as Node in desktop VS Code).
 */
function lintTask(folder: vscode.WorkspaceFolder, cli: string, definition: LintTaskDefinition): vscode.Task {
  const files = definition.files?.length ? definition.files : ['.'];
  const execution = new vscode.ProcessExecution(process.execPath, [cli, '--format', 'text', '--', ...files], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const task = new vscode.Task(definition, folder, 'check all files', 'vpp-lint', execution, '$vpp-lint');
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerLintTask(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath('dist/cli.js');
  return vscode.tasks.registerTaskProvider(LINT_TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => lintTask(folder, cli, { type: LINT_TASK_TYPE })),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? lintTask(folder, cli, task.definition as LintTaskDefinition) : undefined;
    },
  });
}

/** VPP: Check All Files in Workspace: runs the task in every folder and shows the Problems panel. */
export async function checkWorkspace(): Promise<void> {
  const tasks = await vscode.tasks.fetchTasks({ type: LINT_TASK_TYPE });
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage('VPP: open a folder to check all of its files.');
    return;
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  for (const task of tasks) await vscode.tasks.executeTask(task);
}
