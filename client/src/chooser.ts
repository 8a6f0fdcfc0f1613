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
  const why = DECISION_QUESTIONS.find((q) => q.answer === type)?.why;
  const reason = `# Chosen with "VPP: Choose an Interface Type": ${doc?.title ?? type}. ${why ?? ''}`.trimEnd();
  let editor = vscode.window.activeTextEditor;
  if (found.language === 'vpp-startup' && editor?.document.languageId !== 'vpp-startup' && (await addToWorkspaceStartup(type, found.snippet.body, reason))) return;
  if (!editor || editor.document.languageId !== found.language) {
    const document = await vscode.workspace.openTextDocument({ language: found.language, content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const served = found.language === 'vpp-cli' ? await freeSnippet?.(editor.document.uri.toString(), type).catch(() => undefined) : undefined;
  await editor.insertSnippet(new vscode.SnippetString(`${escapeSnippet(reason)}\n${served ?? found.snippet.body.join('\n')}`));
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/**
 * A startup.conf section (DPDK for line rate) goes into the workspace's startup.conf when there is
 * one: added at its end, or, when the file has the section already, shown there.
 */
async function addToWorkspaceStartup(section: string, body: readonly string[], reason: string): Promise<boolean> {
  const [uri] = await vscode.workspace.findFiles('**/startup.conf', '**/node_modules/**', 1);
  if (!uri) return false;
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const text = editor.document.getText();
  const existing = new RegExp(`^[ \\t]*${section}[ \\t]*\\{`, 'm').exec(text);
  if (existing) {
    const start = editor.document.positionAt(existing.index + existing[0].indexOf(section));
    editor.selection = new vscode.Selection(start, start.translate(0, section.length));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    void vscode.window.showInformationMessage(`This startup.conf has a \`${section}\` section already. ${reason.replace(/^# /, '')}`);
    return true;
  }
  const first = body.findIndex((l) => l.startsWith(`${section} {`));
  const last = body.findIndex((l, i) => i > first && l === '}');
  if (first < 0 || last < 0) return false;
  const lead = text === '' || text.endsWith('\n') ? '' : '\n';
  await editor.insertSnippet(new vscode.SnippetString(`${lead}\n${escapeSnippet(reason)}\n${body.slice(first, last + 1).join('\n')}\n`), editor.document.positionAt(text.length));
  return true;
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
