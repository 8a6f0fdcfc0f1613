#!/usr/bin/env node
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis/analyze';
import { pluginSwitches } from './analysis/startupModel';
import { AnalysisCache, languageOf, type PluginContextInput } from './documents';
import { computeCodeActions } from './features/codeActions';
import { computeCompletion, type CompletionCaps } from './features/completion';
import { computeDiagnostics } from './features/diagnostics';
import { computeHover } from './features/hover';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { computeSignatureHelp } from './features/signatureHelp';
import { computeDefinition, computeDocumentHighlights, computeReferences } from './features/definition';
import { computeFoldingRanges } from './features/folding';
import { formatStartup } from './features/formatting';
import { checkLinks, computeDocumentLinks, scriptPaths } from './features/links';
import { computeRename, prepareRename, RenameRefused } from './features/rename';
import { computeDocumentSymbols } from './features/symbols';
import { ScriptResolver } from './scriptResolver';
import { DEFAULT_SETTINGS, readSettings, type VppSettings } from './settings';
import { SourceIndex } from './workspaceSources/sourceIndex';
import { sourceFolders, watchedSourceFile } from './workspaceSources/folders';

/**
 * The language server: it only wires LSP requests to the pure feature functions. Every handler
 * is guarded so that no input can take the server down.
 */
export function startServer(connection: Connection): void {
  const log = (message: string) => connection.console.error(message);
  // the user's own C sources: commands and sections laid over the release in force
  const sources = new SourceIndex(log);
  const cache = new AnalysisCache(() => sources.layer());
  // the cache sees each edit as it is applied, so that a script's analysis can follow the edits
  const documents = new TextDocuments({ create: TextDocument.create, update: (doc, changes, version) => cache.update(doc, changes, version) });
  const settingsByUri = new Map<string, Promise<VppSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let configurationSupport = false;
  let completionCaps: CompletionCaps = { snippetSupport: false, markdown: false };
  let hoverMarkdown = false;
  let workspaceRoots: string[] = [];
  const scripts = new ScriptResolver(() => workspaceRoots);
  let globalSettings: VppSettings = DEFAULT_SETTINGS;
  let watchedFilesRegistration = false;
  let scannedFolders: string[] = [];

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

  /**
   * What an open document runs, read once per version: for a startup.conf, the scripts its `exec` /
   * `startup-config` name (resolved on disk) and its plugin switches; nothing for other documents.
   */
  const runsByUri = new Map<string, { version: number; scripts: string[]; plugins: PluginContextInput }>();

  async function runsOf(doc: TextDocument): Promise<{ scripts: string[]; plugins: PluginContextInput }> {
    const known = runsByUri.get(doc.uri);
    if (known && known.version === doc.version) return known;
    const startup = languageOf(doc) === 'startup' ? cache.get(doc, await settingsFor(doc.uri)) : undefined;
    const entry = {
      version: doc.version,
      scripts: startup ? scriptPaths(startup).flatMap((p) => scripts.resolve(doc.uri, p.path) ?? []) : [],
      plugins: startup?.startup ? { switches: pluginSwitches(startup.startup), source: decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1)) } : {},
    };
    runsByUri.set(doc.uri, entry);
    return entry;
  }

  /** The plugin switches of an open startup.conf whose `exec` / `startup-config` runs this script. */
  async function pluginContextFor(uri: string): Promise<PluginContextInput> {
    const doc = documents.get(uri);
    if (!doc || languageOf(doc) !== 'cli') return {};
    for (const other of documents.all()) {
      if (other.uri === uri) continue;
      const runs = await runsOf(other);
      if (runs.scripts.includes(uri)) return runs.plugins;
    }
    return {};
  }

  /** The analysis of a document as it is when the request is handled (a newer version wins). */
  async function analysisOf(uri: string): Promise<Analysis | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!documents.get(uri)) return undefined;
      const settings = await settingsFor(uri);
      const plugins = await pluginContextFor(uri);
      const current = documents.get(uri);
      if (!current) return undefined;
      const version = current.version;
      const analysis = await cache.getStepwise(current, settings, () => documents.get(uri)?.version === version, plugins);
      if (analysis || documents.get(uri)?.version === version) return analysis;
      // the document changed while a large version was read: read the new one
    }
    return undefined;
  }

  async function publishDiagnostics(uri: string, version: number): Promise<void> {
    if (documents.get(uri)?.version !== version) return; // a newer version has its own run scheduled
    const settings = await settingsFor(uri);
    const analysis = await analysisOf(uri);
    if (documents.get(uri)?.version !== version) return;
    const links = analysis ? checkLinks(analysis, (path) => scripts.exists(uri, path)) : [];
    const diagnostics = analysis ? computeDiagnostics(analysis, settings.severities, links) : [];
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
    const caps = params.capabilities;
    configurationSupport = !!caps.workspace?.configuration;
    completionCaps = {
      snippetSupport: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
      markdown: !!caps.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown'),
      editRangeDefault: !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange'),
    };
    hoverMarkdown = !!caps.textDocument?.hover?.contentFormat?.includes('markdown');
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceRoots = (params.workspaceFolders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => decodeURIComponent(new URL(f.uri).pathname));
    globalSettings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: [' ', '{'] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [' '] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      },
      serverInfo: { name: 'vpp-language-server', version: '0.1.0' },
    };
  });

  /** Every open document is checked again, with the vocabulary as it is now. */
  function recheckAll(): void {
    for (const doc of documents.all()) void scheduleDiagnostics(doc);
  }

  /** Reads the C files of the source folders afresh, when the folders changed; requests are answered meanwhile. */
  async function scanSources(): Promise<void> {
    const configured = configurationSupport ? readSettings(await connection.workspace.getConfiguration('vpp').then(undefined, () => undefined)) : globalSettings;
    const folders = sourceFolders(configured.sourceRoots, workspaceRoots);
    if (folders.join('\n') === scannedFolders.join('\n')) return;
    scannedFolders = folders;
    const before = sources.layer();
    const started = Date.now();
    const result = await sources.scan(folders);
    if (result.stoppedBy === 'a newer scan') return;
    const layer = sources.layer();
    log(`vpp: read ${result.files} C files in ${Date.now() - started} ms under ${folders.join(', ') || '(no folder)'}: ${layer?.commands.length ?? 0} commands, ${layer?.sections.length ?? 0} startup.conf sections, ${layer?.plugins.length ?? 0} plugins`);
    // the status bar says when a VPP tree replaces the modelled release
    if (layer?.sourceTree !== before?.sourceTree) void connection.sendNotification('vpp/sourceTree', { folder: layer?.sourceTree ?? null });
    if (layer !== before) recheckAll();
  }

  connection.onInitialized(() => {
    if (watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.c' }] }).then(undefined, (e) => log(`vpp: cannot watch C files: ${String(e)}`));
    }
    scanSources().catch((e) => log(`vpp: reading C sources failed: ${String(e)}`));
  });

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, async (params) => {
      let changed = false;
      for (const change of params.changes) {
        const path = watchedSourceFile(change.uri, scannedFolders);
        if (path && (await sources.refresh(path))) changed = true;
      }
      if (changed) recheckAll();
    }),
  );

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    cache.clear();
    runsByUri.clear();
    if (!configurationSupport) globalSettings = readSettings((change.settings as { vpp?: unknown } | undefined)?.vpp);
    recheckAll();
    scanSources().catch((e) => log(`vpp: reading C sources failed: ${String(e)}`));
  });

  documents.onDidChangeContent((change) => {
    void scheduleDiagnostics(change.document);
    // a startup.conf decides which plugins the scripts it runs may use
    if (languageOf(change.document) === 'startup') {
      for (const doc of documents.all()) if (doc !== change.document && languageOf(doc) === 'cli') void scheduleDiagnostics(doc);
    }
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    cache.forget(uri);
    settingsByUri.delete(uri);
    runsByUri.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(
    guard('codeAction', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeCodeActions(analysis, params.textDocument.uri, params.context.diagnostics) : [];
    }),
  );

  connection.onCompletion(
    guard('completion', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeCompletion(analysis, params.position, completionCaps) : null;
    }),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeHover(analysis, params.position, hoverMarkdown) : null;
    }),
  );

  connection.onSignatureHelp(
    guard('signatureHelp', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeSignatureHelp(analysis, params.position) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeDocumentSymbols(analysis) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeFoldingRanges(analysis) : [];
    }),
  );

  connection.onDefinition(
    guard('definition', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeDefinition(analysis, params.textDocument.uri, params.position) : [];
    }),
  );

  connection.onReferences(
    guard('references', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeReferences(analysis, params.textDocument.uri, params.position, params.context.includeDeclaration) : [];
    }),
  );

  connection.onDocumentHighlight(
    guard('documentHighlight', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeDocumentHighlights(analysis, params.position) : [];
    }),
  );

  /** A refused rename reaches the user as the reason, not as a server failure. */
  async function renameStep<R>(uri: string, step: (analysis: Analysis) => R): Promise<R | ResponseError<void> | null> {
    const analysis = await analysisOf(uri);
    if (!analysis) return null;
    try {
      return step(analysis);
    } catch (error) {
      if (error instanceof RenameRefused) return new ResponseError(-32803 /* RequestFailed */, error.message);
      throw error;
    }
  }

  connection.onPrepareRename(
    guard('prepareRename', null, (params) => renameStep(params.textDocument.uri, (a) => prepareRename(a, params.position)) as Promise<never>),
  );

  connection.onRenameRequest(
    guard('rename', null, (params) => renameStep(params.textDocument.uri, (a) => computeRename(a, params.textDocument.uri, params.position, params.newName)) as Promise<never>),
  );

  connection.onDocumentLinks(
    guard('documentLinks', [], async (params) => {
      const uri = params.textDocument.uri;
      const analysis = await analysisOf(uri);
      return analysis ? computeDocumentLinks(analysis, uri, (path) => scripts.resolve(uri, path)) : [];
    }),
  );

  connection.onDocumentFormatting(
    guard('formatting', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis?.language === 'startup' ? formatStartup(analysis, params.options) : [];
    }),
  );

  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [], async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis?.language === 'startup' ? formatStartup(analysis, params.options, params.range) : [];
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semanticTokens', { data: [] }, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return { data: analysis ? computeSemanticTokens(analysis).data : [] };
    }),
  );

  connection.languages.semanticTokens.onRange(
    guard('semanticTokensRange', { data: [] }, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return { data: analysis ? computeSemanticTokens(analysis, params.range).data : [] };
    }),
  );

  connection.onRequest(
    'vpp/documentInfo',
    guard('documentInfo', null, async (params: { uri: string }) => {
      const analysis = await analysisOf(params.uri);
      if (!analysis) return null;
      return { language: analysis.language, release: analysis.release, fromComment: !!analysis.releaseDirective?.release, sourceTree: sources.layer()?.sourceTree };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (error) => {
  process.stderr.write(`vpp-language-server: uncaught ${error.stack ?? error.message}\n`);
});

startServer(createConnection(ProposedFeatures.all));
