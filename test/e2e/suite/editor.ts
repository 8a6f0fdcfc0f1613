import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/** Helpers for tests that drive the installed extension through VS Code's own API. */

export const EXTENSION_ID = 'vpp-config.vpp-config';

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the examples/ workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openExample(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(exampleUri(name));
  await vscode.window.showTextDocument(doc);
  await activeExtension();
  return doc;
}

/** An unsaved document, for tests that edit. */
export async function openText(language: 'vpp-cli' | 'vpp-startup', content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(doc);
  await activeExtension();
  return doc;
}

/** Polls until `probe` returns something truthy; language features answer only once the server runs. */
export async function eventually<T>(what: string, probe: () => T | false | undefined | Promise<T | false | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Position of the `nth` occurrence of `needle` in the document, `delta` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 1): vscode.Position {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = doc.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" (#${nth}) is not in ${doc.uri.toString()}`);
  return doc.positionAt(offset + delta);
}

export function endOf(doc: vscode.TextDocument): vscode.Position {
  return doc.positionAt(doc.getText().length);
}

export function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The text a workspace edit would leave in `doc`, without touching the document. */
export function applyToText(doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}
