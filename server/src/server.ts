#!/usr/bin/env node
import {
  CancellationToken,
  CodeActionKind,
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  DidChangeWatchedFilesNotification,
  WatchKind,
  type Disposable,
  ResponseError,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis/analyze';
import { pluginSwitches } from './analysis/startupModel';
import { AnalysisCache, decodedUri, languageOf, runInSlices, textOf, type PluginContextInput } from './documents';
import { PieceDocument } from './pieceDocument';
import { computeCodeActions, FIX_ALL_KIND, type LinkedStartup } from './features/codeActions';
import { computeCompletion, type CompletionCaps } from './features/completion';
import { computeDiagnostics, computingDiagnostics, DIAGNOSTICS_PER_STEP } from './features/diagnostics';
import { headDiagnostics } from './features/headDiagnostics';
import type { ScriptHead } from './analysis/scriptHead';
import { finish } from './analysis/steps';
import { computeHover } from './features/hover';
import { computeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { computeSignatureHelp } from './features/signatureHelp';
import { interfaceSnippet } from './features/snippets';
import type { InterfaceTypeId } from './schema/docs/interfaceTypes';
import { computeDefinition, computeDocumentHighlights, computeReferences } from './features/definition';
import { computeFoldingRanges } from './features/folding';
import { formatStartup } from './features/formatting';
import { checkLinks, computeDocumentLinks, scriptPaths } from './features/links';
import { computeRename, prepareRename, RenameRefused } from './features/rename';
import { computeDocumentSymbols } from './features/symbols';
import { findProjectConfigFile, isIgnored, NO_PROJECT_CONFIG, readProjectConfig, withProjectConfig, type ProjectConfig } from './projectConfig';
import { filePathOf, NameSearches, ScriptResolver } from './scriptResolver';
import { DEFAULT_SETTINGS, readSettings, type VppSettings } from './settings';
import { version } from '../../package.json';
import { SourceIndex } from './workspaceSources/sourceIndex';
import { limitHeapGrowth } from './heapGrowth';
import { sourceFolders, watchedSourceFile } from './workspaceSources/folders';

/** Set by the build (esbuild.mjs) from package.json. */
declare const PACKAGE_VERSION: string;

/**
 * The language server: it only wires LSP requests to the pure feature functions. Every handler
 * is guarded so that no input can take the server down.
 */
export function startServer(connection: Connection): void {
  // work that ends after the client went away (reading C sources) may still log: that is no crash
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // the connection is closed: nobody to tell
    }
  };
  // the user's own C sources: commands and sections laid over the release in force
  const sources = new SourceIndex(log);
  const cache = new AnalysisCache(() => sources.layer());
  // the cache sees each edit as it is applied, so that a script's analysis can follow the edits; the
  // documents keep their text in pieces, so that an edit does not copy the whole text (pieceDocument.ts)
  const documents = new TextDocuments<PieceDocument>({ create: PieceDocument.create, update: (doc, changes, version) => cache.update(doc, changes, version) });
  const settingsByUri = new Map<string, Promise<VppSettings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let configurationSupport = false;
  let watchedFilesRegistration = false;
  let completionCaps: CompletionCaps = { snippetSupport: false, markdown: false };
  let hoverMarkdown = false;
  let workspaceRoots: string[] = [];
  const projectConfigs = new Map<string, ProjectConfig>();
  const scripts = new ScriptResolver((uri) => [...workspaceRoots, ...projectConfigOf(uri).roots]);
  let globalSettings: VppSettings = DEFAULT_SETTINGS;
  /** The folders whose C sources were read last (see scanSources). */
  let scannedFolders: string[] = [];

  /** Set by `initialize`: before it, the protocol wants every request refused with ServerNotInitialized. */
  let initialized = false;

  /**
   * Wraps a request handler: refused before `initialize`; a request the client cancelled while it
   * waited (behind a long analysis, say) is answered with RequestCancelled, before its work or, when
   * it was cancelled during it, instead of its result; and no error escapes.
   */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R> {
    const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, `vpp-language-server: ${name} cancelled`) as never;
    return async (params: P, token?: CancellationToken) => {
      if (!initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, `vpp-language-server: ${name} before initialize`) as never;
      if (token?.isCancellationRequested) return cancelled();
      try {
        const result = await handler(params);
        return token?.isCancellationRequested ? cancelled() : result;
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
        const path = filePathOf(uri);
        const file = path === undefined ? undefined : findProjectConfigFile(path);
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
  const runsByUri = new Map<string, { text: string; scripts: string[]; plugins: PluginContextInput }>();
  const nameSearches = new NameSearches();

  async function runsOf(doc: TextDocument): Promise<{ scripts: string[]; plugins: PluginContextInput }> {
    const known = runsByUri.get(doc.uri);
    // keyed by content, as the analyses are: a version number may come twice
    if (known && known.text === doc.getText()) return known;
    // read in steps, as a large startup.conf is for its own diagnostics
    const startup = languageOf(doc) === 'startup' ? await analysisOf(doc.uri) : undefined;
    const entry = {
      text: startup?.text ?? doc.getText(),
      scripts: startup ? scriptPaths(startup).flatMap((p) => scripts.resolve(doc.uri, p.path) ?? []) : [],
      plugins: startup?.startup ? { switches: pluginSwitches(startup.startup), source: decodedUri(doc.uri.slice(doc.uri.lastIndexOf('/') + 1)) } : {},
    };
    runsByUri.set(doc.uri, entry);
    return entry;
  }

  /** The plugin switches of an open startup.conf whose `exec` / `startup-config` runs this script. */
  async function pluginContextFor(uri: string): Promise<PluginContextInput> {
    const doc = documents.get(uri);
    if (!doc || languageOf(doc) !== 'cli') return {};
    for (const other of documents.all()) {
      if (other.uri === uri || !nameSearches.mayName(other.uri, other.getText(), uri)) continue;
      // what goes wrong with one startup.conf stays with it: the script is then read without it
      const runs = await runsOf(other).catch((error) => {
        log(`vpp: reading what ${other.uri} runs failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (runs?.scripts.includes(uri)) return runs.plugins;
    }
    return {};
  }

  /** The analysis of a document as it is when the request is handled (a newer version wins); `onHead` as `getStepwise` says. */
  async function analysisOf(uri: string, onHead?: (head: ScriptHead) => void): Promise<Analysis | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!documents.get(uri)) return undefined;
      const settings = await settingsFor(uri);
      const plugins = await pluginContextFor(uri);
      const current = documents.get(uri);
      if (!current) return undefined;
      const text = textOf(current);
      const unchanged = () => {
        const now = documents.get(uri);
        return !!now && textOf(now) === text;
      };
      const analysis = await cache.getStepwise(current, settings, unchanged, plugins, onHead);
      if (analysis || unchanged()) return analysis;
      // the document changed while a large version was read: read the new one
    }
    return undefined;
  }

  async function publishDiagnostics(uri: string, version: number): Promise<void> {
    if (documents.get(uri)?.version !== version) return; // a newer version has its own run scheduled
    const settings = await settingsFor(uri);
    const path = filePathOf(uri);
    const ignored = path !== undefined && isIgnored(projectConfigOf(uri), path);
    // a large script's top has its findings while the rest is read; the whole script's replace them
    const publishHead = (head: ScriptHead) => {
      if (ignored || documents.get(uri)?.version !== version) return;
      const diagnostics = headDiagnostics(head, settings.severities, checkLinks(head.analysis, (p) => scripts.exists(uri, p)), settings.maxDiagnostics);
      connection.sendDiagnostics({ uri, version, diagnostics }).catch((e) => log(`vpp: diagnostics failed: ${String(e)}`));
    };
    const analysis = await analysisOf(uri, publishHead);
    if (documents.get(uri)?.version !== version) return;
    const links = analysis ? checkLinks(analysis, (path) => scripts.exists(uri, path)) : [];
    if (analysis?.language === 'startup') watchScriptsLater();
    const steps = analysis && !ignored ? computingDiagnostics(analysis, settings.severities, links, settings.maxDiagnostics) : undefined;
    // in slices when there are many: a large file has hundreds of thousands of findings to sort and cut
    const many = (analysis?.diagnostics.length ?? 0) > DIAGNOSTICS_PER_STEP;
    const diagnostics = !steps ? [] : many ? await runInSlices(steps, () => documents.get(uri)?.version === version) : finish(steps);
    if (!diagnostics || documents.get(uri)?.version !== version) return;
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
    initialized = true;
    const caps = params.capabilities;
    configurationSupport = !!caps.workspace?.configuration;
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    completionCaps = {
      snippetSupport: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
      markdown: !!caps.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown'),
      editRangeDefault: !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange'),
    };
    hoverMarkdown = !!caps.textDocument?.hover?.contentFormat?.includes('markdown');
    workspaceRoots = (params.workspaceFolders ?? []).flatMap((f) => filePathOf(f.uri) ?? []);
    globalSettings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        // not `{`: typing `unix {` and Enter must give a new line, not accept the first parameter
        completionProvider: { triggerCharacters: [' '] },
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
      serverInfo: { name: 'vpp-language-server', version },
    };
  });

  /**
   * Files whose appearing or going changes an answer: VPP files, and the scripts the open
   * startup.conf files run (a `missing-script` warning clears when the file is created). Watched
   * through the client, which knows the workspace; registered again when the names change.
   */
  const ALWAYS_WATCHED = ['startup.conf', '*.startup.conf', '*.vpp', '*.cli', 'setup.gate'];
  let watched = '';
  let watching: Promise<Disposable | undefined> | undefined;

  async function watchScripts(): Promise<void> {
    if (!watchedFilesRegistration) return;
    const names = new Set(ALWAYS_WATCHED);
    for (const doc of documents.all()) {
      if (languageOf(doc) !== 'startup') continue;
      // in steps: another startup.conf may be large and not read yet
      const analysis = await analysisOf(doc.uri);
      // a name with glob characters would watch something else
      for (const p of analysis ? scriptPaths(analysis) : []) if (!/[*?{}[\],]/.test(basename(p.path))) names.add(basename(p.path));
    }
    const key = [...names].sort().join('\n');
    if (key === watched) return;
    watched = key;
    const previous = watching;
    const kind = WatchKind.Create | WatchKind.Delete;
    // a client that went away refuses the registration: nothing to watch then, and no unhandled rejection
    watching = connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [...names].map((name) => ({ globPattern: `**/${name}`, kind })) })
      .then(undefined, (e) => (log(`vpp: cannot watch scripts: ${String(e)}`), undefined));
    (await previous)?.dispose();
  }

  function watchScriptsLater(): void {
    watchScripts().catch((e) => log(`vpp: watching files failed: ${String(e)}`));
  }

  /** Every open document is checked again, with the vocabulary as it is now. */
  function recheckAll(): void {
    for (const doc of documents.all()) void scheduleDiagnostics(doc);
  }

  /**
   * Reads the C files of the source folders afresh, when the folders changed (`vpp.sourceRoots`,
   * else each workspace folder's `.vpp-lint.json` `sourceRoots`, else the workspace folders);
   * requests are answered meanwhile.
   */
  async function scanSources(): Promise<void> {
    const configured = configurationSupport ? readSettings(await connection.workspace.getConfiguration('vpp').then(undefined, () => undefined)) : globalSettings;
    const folders = sourceFolders(configured.sourceRoots, workspaceRoots, (root) => projectConfigOf(pathToFileURL(root).href).sourceRoots);
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

  function scanSourcesLater(): void {
    scanSources().catch((e) => log(`vpp: reading C sources failed: ${String(e)}`));
  }

  connection.onInitialized(() => {
    watchScriptsLater();
    // C files of the user's sources: one that changes is read again alone
    if (watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.c' }] }).then(undefined, (e) => log(`vpp: cannot watch C files: ${String(e)}`));
    }
    scanSourcesLater();
  });

  /** Forgets what settings and config files said, checks the open documents again, and reads the C sources when their folders changed. */
  function settingsChanged(): void {
    settingsByUri.clear();
    projectConfigs.clear();
    cache.clear();
    runsByUri.clear();
    recheckAll();
    scanSourcesLater();
  }

  // the client watches `.vpp-lint.json` files, the scripts startup.conf files run and C files: a
  // changed C file of the sources is read again alone; for the others, what they say, and which
  // scripts exist, is read from disk again
  connection.onDidChangeWatchedFiles(async (params) => {
    try {
      let sourcesChanged = false;
      let othersChanged = false;
      for (const change of params.changes) {
        if (change.uri.endsWith('.c')) {
          const path = watchedSourceFile(change.uri, scannedFolders);
          if (path && (await sources.refresh(path))) sourcesChanged = true;
        } else othersChanged = true;
      }
      if (othersChanged) settingsChanged();
      else if (sourcesChanged) recheckAll();
    } catch (error) {
      log(`vpp: didChangeWatchedFiles failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (!configurationSupport) globalSettings = readSettings((change.settings as { vpp?: unknown } | undefined)?.vpp);
    settingsChanged();
  });

  documents.onDidChangeContent((change) => {
    void scheduleDiagnostics(change.document);
    // a startup.conf decides which plugins the scripts it runs may use
    if (languageOf(change.document) === 'startup') rescheduleScripts(change.document);
  });
  // a URI opened again is a new document: nothing known about a text it had before may answer for it
  documents.onDidOpen((event) => {
    cache.forget(event.document.uri);
    runsByUri.delete(event.document.uri);
    nameSearches.forget(event.document.uri);
  });

  function rescheduleScripts(startup: TextDocument): void {
    for (const doc of documents.all()) if (doc !== startup && languageOf(doc) === 'cli') void scheduleDiagnostics(doc);
  }
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    cache.forget(uri);
    settingsByUri.delete(uri);
    runsByUri.delete(uri);
    nameSearches.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // the scripts it ran lose its plugin switches
    if (languageOf(event.document) === 'startup') rescheduleScripts(event.document);
  });

  /** The open startup.conf whose `exec` / `startup-config` runs a script, with its analysis. */
  async function linkedStartupOf(uri: string): Promise<LinkedStartup | undefined> {
    for (const other of documents.all()) {
      if (other.uri === uri || languageOf(other) !== 'startup' || !nameSearches.mayName(other.uri, other.getText(), uri)) continue;
      if (!(await runsOf(other)).scripts.includes(uri)) continue;
      const analysis = await analysisOf(other.uri);
      return analysis && { uri: other.uri, analysis };
    }
    return undefined;
  }

  connection.onCodeAction(
    guard('codeAction', [], async (params) => {
      const uri = params.textDocument.uri;
      const analysis = await analysisOf(uri);
      if (!analysis) return [];
      const settings = await settingsFor(uri);
      const all = computeDiagnostics(analysis, settings.severities, checkLinks(analysis, (path) => scripts.exists(uri, path)));
      const linkedStartup = analysis.language === 'cli' ? await linkedStartupOf(uri) : undefined;
      return computeCodeActions(analysis, uri, params.context.diagnostics, { only: params.context.only, all, linkedStartup });
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
      const { hoverDetail } = await settingsFor(params.textDocument.uri);
      return analysis ? computeHover(analysis, params.position, hoverMarkdown, hoverDetail) : null;
    }),
  );

  connection.onSignatureHelp(
    guard('signatureHelp', null, async (params) => {
      const analysis = await analysisOf(params.textDocument.uri);
      return analysis ? computeSignatureHelp(analysis, params.position, params.context) : null;
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

  connection.onRequest(
    'vpp/interfaceSnippet',
    guard('interfaceSnippet', null, async (params: { uri: string; type: InterfaceTypeId }) => {
      const analysis = await analysisOf(params.uri);
      return analysis?.language === 'cli' ? (interfaceSnippet(analysis, params.type)?.body ?? null) : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (error) => {
  process.stderr.write(`vpp-language-server: uncaught ${error.stack ?? error.message}\n`);
});

/**
 * Over stdio, a message whose header or body cannot be read (a `Content-Length` that is not a
 * number, negative, past what arrives, or short of the body) leaves the stream out of step: every
 * later message would be misread, and the server would sit there deaf. It says why and exits, and
 * the client starts a fresh server.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const giveUp = (why: string) => {
    process.stderr.write(`vpp-language-server: ${why}; the message stream is out of step, exiting so that the client starts a fresh server\n`);
    process.exit(1);
  };
  reader.onError((error) => giveUp(`unreadable message from the client (${error.message.split('\n')[0]})`));
  // a client writes a message at once: a body still incomplete after this long never will be
  reader.partialMessageTimeout = PARTIAL_MESSAGE_MS;
  reader.onPartialMessage((info) => giveUp(`a message announced more bytes than arrived in ${info.waitingTime} ms`));
  // the client is gone: nothing can reach it any more, and waiting out a partial message or a long
  // analysis would keep an orphan server alive (code 1, as for an exit without shutdown)
  reader.onClose(() => process.exit(1));
  // the same when the way out breaks first: a reply or request that cannot be written would be
  // logged through that same broken connection, which throws "Connection is closed"
  writer.onError(() => process.exit(1));
  writer.onClose(() => process.exit(1));
  return createConnection(ProposedFeatures.all, reader, writer);
}

/** How long the rest of a message may take to arrive. */
const PARTIAL_MESSAGE_MS = 10_000;

const USAGE = `Usage: vpp-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
The VPP language server (startup.conf and VPP CLI scripts) for any LSP client.
  --version  print the version
  --help     print this`;

/** What the command line asks for: the version, the usage, or a server over one of LSP's transports. */
function main(args: readonly string[]): void {
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`vpp-language-server ${version}\n`);
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) {
    process.stderr.write(`vpp-language-server: no transport given\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  limitHeapGrowth();
  startServer(args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
}

main(process.argv.slice(2));
