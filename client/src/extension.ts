import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findReleaseDirective } from '../../server/src/analysis/directives';
import { RELEASES } from '../../server/src/schema/types';
import { chooseInterface, registerSelectionMatrix, showSelectionMatrix } from './chooser';
import { checkWorkspace, registerLintTask } from './lintTask';

const VPP_LANGUAGES = ['vpp-startup', 'vpp-cli'];
/** Languages VS Code gives files that may be VPP configuration (`vpp.conf`, `init.conf`, `*.cfg`). */
const SNIFFED_LANGUAGES = new Set(['plaintext', 'properties', 'ini']);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let releaseItem: vscode.StatusBarItem;

function isVpp(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && VPP_LANGUAGES.includes(doc.languageId);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLanguageClient } = require(context.asAbsolutePath(path.join('dist', 'languageClient.js'))) as typeof import('./languageClient');
  client = createLanguageClient(context.asAbsolutePath(path.join('dist', 'server.js')), VPP_LANGUAGES, output);
  await client.start();
  // the server read a VPP tree whose commands replace the modelled release (or no longer does): vpp/documentInfo says which
  client.onNotification('vpp/sourceTree', () => void updateReleaseItem());
}

/** Documents the user set to a language by hand (VPP: Set File Language): never switched again. */
const chosenByHand = new Set<string>();
const sniffTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** Switches an open document to a VPP language when its content clearly is VPP. */
function sniff(doc: vscode.TextDocument, context: vscode.ExtensionContext): void {
  if (!SNIFFED_LANGUAGES.has(doc.languageId) || doc.uri.scheme === 'output' || chosenByHand.has(doc.uri.toString())) return;
  // loaded on demand: the sniffer carries the schema, which activation should not pay for
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sniffLanguage } = require(context.asAbsolutePath(path.join('dist', 'sniff.js'))) as typeof import('../../server/src/analysis/sniff');
  const language = sniffLanguage(doc.getText());
  if (language) {
    output.appendLine(`${doc.uri.toString()} looks like ${language}; switching its language.`);
    // the switched document replaces this one in its editor: the status bar follows it at once
    void vscode.languages.setTextDocumentLanguage(doc, language).then(updateReleaseItem, () => undefined);
  }
}

/** Sniffs again a moment after typing stops, so a plain-text `vpp.conf` becomes VPP as it is written. */
function sniffSoon(doc: vscode.TextDocument, context: vscode.ExtensionContext): void {
  if (!SNIFFED_LANGUAGES.has(doc.languageId) || chosenByHand.has(doc.uri.toString())) return;
  const key = doc.uri.toString();
  clearTimeout(sniffTimers.get(key));
  sniffTimers.set(
    key,
    setTimeout(() => {
      sniffTimers.delete(key);
      if (!doc.isClosed) sniff(doc, context);
    }, 500),
  );
}

function effectiveRelease(doc: vscode.TextDocument): { release: string; fromComment: boolean } {
  const directive = findReleaseDirective(doc.getText());
  if (directive?.release) return { release: directive.release, fromComment: true };
  const setting = vscode.workspace.getConfiguration('vpp', doc.uri).get<string>('version');
  return { release: setting && (RELEASES as readonly string[]).includes(setting) ? setting : RELEASES[RELEASES.length - 1], fromComment: false };
}

/**
 * The release in force for a document: the server's answer (which knows `.vpp-lint.json`), else the
 * setting; and the VPP tree whose commands replace the release's, when the server read one.
 */
async function releaseInForce(doc: vscode.TextDocument): Promise<{ release: string; fromComment: boolean; sourceTree?: string }> {
  if (client?.isRunning()) {
    try {
      const info = await client.sendRequest<{ release: string; fromComment: boolean; sourceTree?: string } | null>('vpp/documentInfo', { uri: doc.uri.toString() });
      if (info) return info;
    } catch {
      // the setting below is the next best answer
    }
  }
  return effectiveRelease(doc);
}

async function updateReleaseItem(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isVpp(doc)) {
    releaseItem.hide();
    return;
  }
  const { release, fromComment, sourceTree } = await releaseInForce(doc);
  if (vscode.window.activeTextEditor?.document !== doc) return;
  if (sourceTree) {
    releaseItem.text = `VPP: source tree at ${path.basename(sourceTree)}`;
    releaseItem.tooltip = `Commands as the VPP tree at ${sourceTree} registers them (setting vpp.sourceRoots, else the workspace or its .vpp-lint.json sourceRoots); startup.conf as VPP ${release} reads it, with the tree's own sections`;
    releaseItem.show();
    return;
  }
  releaseItem.text = `VPP ${release}`;
  releaseItem.tooltip = fromComment
    ? `VPP release ${release}, set by a "# vpp-version:" comment in this file`
    : `VPP release ${release} (setting vpp.version, else the repository's .vpp-lint.json): click to change`;
  releaseItem.show();
}

async function selectRelease(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const current = doc && isVpp(doc) ? (await releaseInForce(doc)).release : undefined;
  const picked = await vscode.window.showQuickPick(
    [...RELEASES].reverse().map((r) => ({ label: r, description: r === current ? 'current' : undefined })),
    { placeHolder: 'VPP release to check against (setting vpp.version)' },
  );
  if (!picked) return;
  const where = await askWhereToStore(picked.label, doc && isVpp(doc) ? doc : undefined);
  if (!where) return;
  if (where === 'file') await writeReleaseComment(doc!, picked.label);
  else {
    const target = where === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('vpp', doc?.uri).update('version', picked.label, target);
    if (doc && effectiveRelease(doc).fromComment) {
      void vscode.window.showInformationMessage(`This file picks its release with a "# vpp-version:" comment, which wins over the setting.`);
    }
  }
  void updateReleaseItem();
}

type ReleaseStore = 'file' | 'workspace' | 'user';

/** Where the chosen release goes: this file's comment, the workspace's settings or the user's. */
async function askWhereToStore(release: string, doc: vscode.TextDocument | undefined): Promise<ReleaseStore | undefined> {
  const items: (vscode.QuickPickItem & { store: ReleaseStore })[] = [];
  if (doc) items.push({ label: 'This file', description: `a "# vpp-version: ${release}" comment at its top`, store: 'file' });
  if (vscode.workspace.workspaceFolders?.length) items.push({ label: 'This workspace', description: 'setting vpp.version in .vscode/settings.json', store: 'workspace' });
  items.push({ label: 'All workspaces', description: 'setting vpp.version in your user settings', store: 'user' });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `Where to keep VPP ${release}` });
  return picked?.store;
}

/** Sets the file's `# vpp-version:` comment, or adds one as its first line. */
async function writeReleaseComment(doc: vscode.TextDocument, release: string): Promise<void> {
  const directive = findReleaseDirective(doc.getText());
  const edit = new vscode.WorkspaceEdit();
  if (directive) edit.replace(doc.uri, new vscode.Range(doc.positionAt(directive.start), doc.positionAt(directive.end)), release);
  else edit.insert(doc.uri, new vscode.Position(0, 0), `# vpp-version: ${release}\n`);
  await vscode.workspace.applyEdit(edit);
}

async function setLanguage(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'vpp-startup', description: 'VPP startup.conf' },
      { label: 'vpp-cli', description: 'VPP CLI script (exec / startup-config)' },
      { label: 'plaintext', description: 'Not VPP' },
    ],
    { placeHolder: 'Language of this file' },
  );
  if (!picked) return;
  chosenByHand.add(doc.uri.toString());
  await vscode.languages.setTextDocumentLanguage(doc, picked.label);
  updateReleaseItem();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('VPP');
  releaseItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  releaseItem.command = 'vpp.selectRelease';
  context.subscriptions.push(
    output,
    releaseItem,
    vscode.commands.registerCommand('vpp.selectRelease', selectRelease),
    vscode.commands.registerCommand('vpp.setLanguage', setLanguage),
    vscode.commands.registerCommand('vpp.chooseInterface', () => chooseInterface((uri, type) => client?.sendRequest<string | null>('vpp/interfaceSnippet', { uri, type }) ?? Promise.resolve(undefined))),
    vscode.commands.registerCommand('vpp.showSelectionMatrix', showSelectionMatrix),
    registerSelectionMatrix(),
    vscode.commands.registerCommand('vpp.checkWorkspace', checkWorkspace),
    registerLintTask(context),
    vscode.commands.registerCommand('vpp.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateReleaseItem()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('vpp.version') && void updateReleaseItem()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) void updateReleaseItem();
      if (e.contentChanges.length) sniffSoon(e.document, context);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => sniff(doc, context)),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isVpp(doc)) void startClient(context);
      else sniff(doc, context);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) {
    if (isVpp(doc)) await startClient(context);
    else sniff(doc, context);
  }
  void updateReleaseItem();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
