#!/usr/bin/env node
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis/analyze';
import { AnalysisCache } from './documents';
import { computeCodeActions } from './features/codeActions';
import { computeDiagnostics } from './features/diagnostics';
import { DEFAULT_SETTINGS, readSettings, type VppSettings } from './settings';

/**
 * The language server: it only wires LSP requests to the pure feature functions. Every handler
 * is guarded so that no input can take the server down.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsByUri = new Map<string, Promise<VppSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let configurationSupport = false;
  let globalSettings: VppSettings = DEFAULT_SETTINGS;

  const log = (message: string) => connection.console.error(message);

  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        log(`vpp: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  function settingsFor(uri: string): Promise<VppSettings> {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    let pending = settingsByUri.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'vpp' })
        .then(readSettings, () => globalSettings);
      settingsByUri.set(uri, pending);
    }
    return pending;
  }

  async function analysisOf(uri: string): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    return current ? cache.get(current, settings) : undefined;
  }

  async function publishDiagnostics(uri: string, version: number): Promise<void> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return; // a newer version has its own run scheduled
    const analysis = cache.get(doc, settings);
    const diagnostics = analysis ? computeDiagnostics(analysis, settings.severities) : [];
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  async function scheduleDiagnostics(doc: TextDocument): Promise<void> {
    const { uri, version } = doc;
    clearTimeout(timers.get(uri));
    const { delayMs } = await settingsFor(uri);
    const run = () => {
      timers.delete(uri);
      publishDiagnostics(uri, version).catch((e) => log(`vpp: diagnostics failed: ${String(e)}`));
    };
    if (delayMs <= 0) setImmediate(run);
    else timers.set(uri, setTimeout(run, delayMs));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    configurationSupport = !!params.capabilities.workspace?.configuration;
    globalSettings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'vpp-language-server', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    cache.clear();
    if (!configurationSupport) globalSettings = readSettings((change.settings as { vpp?: unknown } | undefined)?.vpp);
    for (const doc of documents.all()) void scheduleDiagnostics(doc);
  });

  documents.onDidChangeContent((change) => void scheduleDiagnostics(change.document));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    cache.forget(uri);
    settingsByUri.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard('codeAction', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeCodeActions(analysis, params.textDocument.uri, params.context.diagnostics) : [];
    }),
  );

  connection.onRequest(
    'vpp/documentInfo',
    guard('documentInfo', null, async (params: { uri: string }) => {
      const analysis = await analysisOf(params.uri);
      if (!analysis) return null;
      return { language: analysis.language, release: analysis.release, fromComment: !!analysis.releaseDirective?.release };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (error) => {
  process.stderr.write(`vpp-language-server: uncaught ${error.stack ?? error.message}\n`);
});

startServer(createConnection(ProposedFeatures.all));
