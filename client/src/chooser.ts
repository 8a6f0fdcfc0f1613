import * as vscode from 'vscode';
import { chooseInterfaceType, DECISION_QUESTIONS, selectionMatrixMarkdown, snippetForType } from '../../server/src/features/interfaceChooser';
import { INTERFACE_TYPES } from '../../server/src/schema/docs/interfaceTypes';

/** Asks the language server for a script snippet with ids and names free in the document. */
export type SnippetSource = (uri: string, type: string) => Promise<string | null | undefined>;

/**
 * "VPP: Choose an interface type...": asks the course's questions, then inserts the matching
 * snippet, with the reason for the choice as its first comment line, where the user reads it.
 */
export async function chooseInterface(freeSnippet?: SnippetSource): Promise<void> {
  const answers: boolean[] = [];
  for (const q of DECISION_QUESTIONS) {
    // the question is the title, which VS Code shows whole; a placeholder would be cut off
    const picked = await vscode.window.showQuickPick(['Yes', 'No'], { title: q.question, placeHolder: 'Choose a VPP interface type: yes or no?', ignoreFocusOut: true });
    if (!picked) return;
    answers.push(picked === 'Yes');
    if (picked === 'Yes') break;
  }
  const type = chooseInterfaceType(answers);
  if (!type) {
    void vscode.window.showInformationMessage('None of the questions fit: a loopback interface (create loopback interface) may be what you need.');
    return;
  }
  const found = snippetForType(type);
  const doc = INTERFACE_TYPES.find((t) => t.id === type);
  if (!found) return;
  let editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== found.language) {
    const document = await vscode.workspace.openTextDocument({ language: found.language, content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const served = found.language === 'vpp-cli' ? await freeSnippet?.(editor.document.uri.toString(), type).catch(() => undefined) : undefined;
  const why = DECISION_QUESTIONS.find((q) => q.answer === type)?.why;
  const reason = `# Chosen with "VPP: Choose an Interface Type": ${doc?.title ?? type}. ${why ?? ''}`.trimEnd();
  await editor.insertSnippet(new vscode.SnippetString(`${reason.replace(/[$}\\]/g, '\\$&')}\n${served ?? found.snippet.body.join('\n')}`));
}

/**
 * The selection matrix is a read-only virtual document (`vpp-matrix:`), so that showing it leaves
 * no untitled file behind and closing it asks nothing.
 */
export const SELECTION_MATRIX_URI = vscode.Uri.from({ scheme: 'vpp-matrix', path: '/Interface selection matrix.md' });

export function registerSelectionMatrix(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SELECTION_MATRIX_URI.scheme, { provideTextDocumentContent: () => selectionMatrixMarkdown() });
}

/** Shows the course's selection matrix as a rendered Markdown table. */
export async function showSelectionMatrix(): Promise<void> {
  // in the editor's own column, where the whole table has room
  await vscode.commands.executeCommand('markdown.showPreview', SELECTION_MATRIX_URI);
}
