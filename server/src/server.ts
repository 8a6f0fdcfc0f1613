#!/usr/bin/env node
import {
  CodeActionKind,
  createConnection,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
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
import { findProjectConfigFile, isIgnored, NO_PROJECT_CONFIG, readProjectConfig, withProjectConfig, type ProjectConfig } from './projectConfig';
import { ScriptResolver } from './scriptResolver';
import { DEFAULT_SETTINGS, readSettings, type VppSettings } from './settings';

/** Set by the build (esbuild.mjs) from package.json. */
declare const PACKAGE_VERSION: string;

/**
 * The language server: it only wires LSP requests to the pure feature functions. Every handler
 * is guarded so that no input can take the server down.
 */
export function startServer(connection: Connection): void {
  const cache = new AnalysisCache();
  // the cache sees each edit as it is applied, so that a script's analysis can follow the edits
  const documents = new TextDocuments({ create: TextDocument.create, update: (doc, changes, version) => cache.update(doc, changes, version) });
  const settingsByUri = new Map<string, Promise<VppSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let configurationSupport = false;
  let completionCaps: CompletionCaps = { snippetSupport: false, markdown: false };
  let hoverMarkdown = false;
  let workspaceRoots: string[] = [];
  const projectConfigs = new Map<string, ProjectConfig>();
  const scripts = new ScriptResolver((uri) => [...workspaceRoots, ...projectConfigOf(uri).roots]);
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

  /** The `.vpp-lint.json` that governs a document on disk (nearest above it), read once until it changes. */
  function projectConfigOf(uri: string): ProjectConfig {
    if (!uri.startsWith('file:')) return NO_PROJECT_CONFIG;
    let config = projectConfigs.get(uri);
    if (!config) {
      try {
        const file = findProjectConfigFile(fileURLToPath(uri));
        config = file ? readProjectConfig(file) : NO_PROJECT_CONFIG;
      } catch (error) {
        log(`vpp: ${(error as Error).message}; using the defaults`);
        config = NO_PROJECT_CONFIG;
      }
      projectConfigs.set(uri, config);
    }
    return config;
  }

  /** What the user set in the editor wins over the config file, which wins over the defaults. */
  function settingsFor(uri: string): Promise<VppSettings> {
    let pending = settingsByUri.get(uri);
    if (!pending) {
      const editor = configurationSupport
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'vpp' }).then(readSettings, () => globalSettings)
        : Promise.resolve(globalSettings);
      pending = editor.then((settings) => withProjectConfig(settings, projectConfigOf(uri)));
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
    const ignored = uri.startsWith('file:') && isIgnored(projectConfigOf(uri), fileURLToPath(uri));
    const diagnostics = analysis && !ignored ? computeDiagnostics(analysis, settings.severities, links) : [];
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
      serverInfo: { name: 'vpp-language-server', version: PACKAGE_VERSION },
    };
  });

  /** Forgets what settings and config files said, and checks the open documents again. */
  function settingsChanged(): void {
    settingsByUri.clear();
    projectConfigs.clear();
    cache.clear();
    runsByUri.clear();
    for (const doc of documents.all()) void scheduleDiagnostics(doc);
  }

  // the client watches `.vpp-lint.json` files
  connection.onDidChangeWatchedFiles(() => settingsChanged());

  connection.onDidChangeConfiguration((change) => {
    if (!configurationSupport) globalSettings = readSettings((change.settings as { vpp?: unknown } | undefined)?.vpp);
    settingsChanged();
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
