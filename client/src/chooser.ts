import * as vscode from 'vscode';
import { chooseInterfaceType, DECISION_QUESTIONS, selectionMatrixMarkdown, snippetForType } from '../../server/src/features/interfaceChooser';
import { INTERFACE_TYPES } from '../../server/src/schema/docs/interfaceTypes';

/** "VPP: Choose an interface type...": asks the course's questions, then inserts the matching snippet. */
export async function chooseInterface(): Promise<void> {
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
  await editor.insertSnippet(new vscode.SnippetString(found.snippet.body.join('\n')));
  if (doc) void vscode.window.showInformationMessage(`${doc.title}: ${doc.summary}`);
}

/** Shows the course's selection matrix as a rendered Markdown table beside the editor. */
export async function showSelectionMatrix(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: selectionMatrixMarkdown() });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
}
