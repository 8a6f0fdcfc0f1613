import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findReleaseDirective } from '../../server/src/analysis/directives';
import { RELEASES } from '../../server/src/schema/types';
import { chooseInterface, showSelectionMatrix } from './chooser';

const VPP_LANGUAGES = ['vpp-startup', 'vpp-cli'];
/** Languages VS Code gives files that may be VPP configuration (`vpp.conf`, `init.conf`, `*.cfg`). */
const SNIFFED_LANGUAGES = new Set(['plaintext', 'properties', 'ini']);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let releaseItem: vscode.StatusBarItem;
/** The VPP tree whose commands replace the modelled release (the server says so), if any. */
let sourceTree: string | undefined;

function isVpp(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && VPP_LANGUAGES.includes(doc.languageId);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLanguageClient } = require(context.asAbsolutePath(path.join('dist', 'languageClient.js'))) as typeof import('./languageClient');
  client = createLanguageClient(context.asAbsolutePath(path.join('dist', 'server.js')), VPP_LANGUAGES, output);
  await client.start();
  client.onNotification('vpp/sourceTree', (params: { folder: string | null }) => {
    sourceTree = params.folder ?? undefined;
    updateReleaseItem();
  });
}

/** Switches an open document to a VPP language when its content clearly is VPP. */
function sniff(doc: vscode.TextDocument, context: vscode.ExtensionContext): void {
  if (!SNIFFED_LANGUAGES.has(doc.languageId) || doc.uri.scheme === 'output') return;
  // loaded on demand: the sniffer carries the schema, which activation should not pay for
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sniffLanguage } = require(context.asAbsolutePath(path.join('dist', 'sniff.js'))) as typeof import('../../server/src/analysis/sniff');
  const language = sniffLanguage(doc.getText());
  if (language) {
    output.appendLine(`${doc.uri.toString()} looks like ${language}; switching its language.`);
    void vscode.languages.setTextDocumentLanguage(doc, language);
  }
}

function effectiveRelease(doc: vscode.TextDocument): { release: string; fromComment: boolean } {
  const directive = findReleaseDirective(doc.getText());
  if (directive?.release) return { release: directive.release, fromComment: true };
  const setting = vscode.workspace.getConfiguration('vpp', doc.uri).get<string>('version');
  return { release: setting && (RELEASES as readonly string[]).includes(setting) ? setting : RELEASES[RELEASES.length - 1], fromComment: false };
}

function updateReleaseItem(): void {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isVpp(doc)) {
    releaseItem.hide();
    return;
  }
  const { release, fromComment } = effectiveRelease(doc);
  if (sourceTree) {
    releaseItem.text = `VPP: source tree at ${path.basename(sourceTree)}`;
    releaseItem.tooltip = `Commands as the VPP tree at ${sourceTree} registers them (setting vpp.sourceRoots); startup.conf as VPP ${release} reads it, with the tree's own sections`;
    releaseItem.show();
    return;
  }
  releaseItem.text = `VPP ${release}`;
  releaseItem.tooltip = fromComment ? `VPP release ${release}, set by a "# vpp-version:" comment in this file` : `VPP release ${release} (setting vpp.version): click to change`;
  releaseItem.show();
}

async function selectRelease(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const current = doc && isVpp(doc) ? effectiveRelease(doc).release : undefined;
  const picked = await vscode.window.showQuickPick(
    [...RELEASES].reverse().map((r) => ({ label: r, description: r === current ? 'current' : undefined })),
    { placeHolder: 'VPP release to check against (setting vpp.version)' },
  );
  if (!picked) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('vpp', doc?.uri).update('version', picked.label, target);
  if (doc && effectiveRelease(doc).fromComment) {
    void vscode.window.showInformationMessage(`This file picks its release with a "# vpp-version:" comment, which wins over the setting.`);
  }
  updateReleaseItem();
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
  if (picked) await vscode.languages.setTextDocumentLanguage(doc, picked.label);
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
    vscode.commands.registerCommand('vpp.chooseInterface', chooseInterface),
    vscode.commands.registerCommand('vpp.showSelectionMatrix', showSelectionMatrix),
    vscode.commands.registerCommand('vpp.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateReleaseItem),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('vpp.version') && updateReleaseItem()),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && updateReleaseItem()),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isVpp(doc)) void startClient(context);
      else sniff(doc, context);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) {
    if (isVpp(doc)) await startClient(context);
    else sniff(doc, context);
  }
  updateReleaseItem();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
