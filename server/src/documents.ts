import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyze, analyzingStartup, type Analysis, type AnalyzeOptions, type Language } from './analysis/analyze';
import { ScriptDocument, type TextChange } from './analysis/scriptDocument';
import { analyzeHead, type ScriptHead } from './analysis/scriptHead';
import { guessLanguage } from './analysis/sniff';
import type { Steps } from './analysis/steps';
import { PieceDocument } from './pieceDocument';
import type { TextLike } from './syntax/pieceText';
import type { SchemaLayer } from './schema/layer';
import type { VppSettings } from './settings';

/** A URI with its `%` escapes decoded; one with a bad escape (`%zz`, a cut UTF-8 sequence) is taken as it is. */
export function decodedUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The language of an open document: its language id, else its file name, else its content. */
export function languageOf(doc: TextDocument): Language | undefined {
  if (doc.languageId === 'vpp-startup') return 'startup';
  if (doc.languageId === 'vpp-cli') return 'cli';
  return guessLanguage(decodedUri(doc.uri), doc.getText());
}

/** What the startup.conf that runs a script says about plugins, when one is open. */
export interface PluginContextInput {
  switches?: ReadonlyMap<string, boolean>;
  source?: string;
}

interface Entry {
  key: string;
  analysis: Analysis;
  /** The text analysed, as `textOf` gave it. */
  text: TextLike;
  /** Scripts keep their per-line analysis, so that an edit re-reads only the lines it touches. */
  script?: ScriptDocument;
  /** The edits since the analysed text, in order, and the version they lead to. */
  changes: TextChange[];
  changedTo: number;
}

/**
 * What names the document's text as it is now: the text in pieces of a `PieceDocument` (a new object
 * per version: comparing it never reads the text, which would make it one string), else the string.
 */
export function textOf(doc: TextDocument): TextLike {
  return doc instanceof PieceDocument ? doc.text : doc.getText();
}

/**
 * The entry's analysis is of the document's text under these settings. It is keyed by the text, not
 * by version: a client may send a version number twice, go back to one, or open a URI again, and an
 * answer from another text would then pass for the current one. A text in pieces is its version's
 * own object (a version that comes back to an earlier text is analysed again, from the edits);
 * comparing a string with itself is immediate, and texts of different lengths differ at once.
 */
function isOf(cached: Entry | undefined, key: string, doc: TextDocument): boolean {
  return !!cached && cached.key === key && cached.text === textOf(doc);
}

/** The entry holds a script analysis and the edits from its version to the document's, under the same key. */
function followsEdits(cached: Entry | undefined, key: string, doc: TextDocument): cached is Entry & { script: ScriptDocument } {
  return !!cached?.script && cached.key === key && cached.changedTo === doc.version && cached.changes.length > 0;
}

/** Edits that pile up while no one asks for the analysis are dropped past this count: a fresh analysis is cheaper then. */
const MAX_PENDING_CHANGES = 200;

/** Documents larger than this (in characters) are analysed afresh in steps, letting other requests in between. */
export const STEPWISE_SIZE = 64 * 1024;

/** How long a stepwise analysis runs before it lets other work in. */
export const SLICE_MS = 20;

/** An analysis of a large document that is under way. */
interface Pending {
  text: TextLike;
  key: string;
  done: Promise<Analysis | undefined>;
  ticket: object;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs steps in slices of about `sliceMs`, letting the event loop turn between slices; undefined
 * once `current()` says the result is no longer wanted (a newer version came).
 */
export async function runInSlices<T>(steps: Steps<T>, current: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
  for (;;) {
    await nextTurn();
    if (!current()) return undefined;
    const until = performance.now() + sliceMs;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < until);
  }
}

/**
 * Gives `onHead` the analysis of a large script's first lines, if it has a head. What fails there is
 * left to the whole script's read that follows, which has the last word on the version.
 */
function readHeadFirst(text: string, options: AnalyzeOptions, onHead: (head: ScriptHead) => void): void {
  let head: ScriptHead | undefined;
  try {
    head = analyzeHead(text, options);
  } catch {
    return;
  }
  if (head) onHead(head);
}

/**
 * One analysis per document version; a new version replaces the old one. A script's analysis is
 * updated with the edits between the versions instead of being redone.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();

  /** `layer` gives the vocabulary of the user's own C sources as it is now; a new one makes every analysis stale. */
  constructor(private readonly layer: () => SchemaLayer | undefined = () => undefined) {}

  private keyOf(language: Language, settings: VppSettings, plugins: PluginContextInput): string {
    const switches = plugins.switches ? [...plugins.switches].map(([name, on]) => `${name}=${on}`).join(',') : '';
    return `${language}|${settings.release ?? ''}|${settings.maxFileSize}|${plugins.source ?? ''}|${switches}|${this.layer()?.id ?? ''}`;
  }

  private optionsOf(language: Language, settings: VppSettings, plugins: PluginContextInput): AnalyzeOptions {
    return { language, release: settings.release, maxFileSize: settings.maxFileSize, pluginSwitches: plugins.switches, pluginSource: plugins.source, layer: this.layer() };
  }

  /** The analysis of the document as it is now, made at once. */
  get(doc: TextDocument, settings: VppSettings, plugins: PluginContextInput = {}): Analysis | undefined {
    const language = languageOf(doc);
    if (!language) return undefined;
    const key = this.keyOf(language, settings, plugins);
    const cached = this.entries.get(doc.uri);
    if (cached && isOf(cached, key, doc)) return cached.analysis;
    const text = textOf(doc);
    const options = this.optionsOf(language, settings, plugins);
    let script: ScriptDocument | undefined;
    let analysis: Analysis;
    if (language === 'cli' && followsEdits(cached, key, doc)) {
      script = cached.script;
      analysis = script.update(cached.changes);
    } else if (language === 'cli') {
      script = new ScriptDocument(options);
      analysis = script.reset(doc.getText());
    } else {
      analysis = analyze(doc.getText(), options);
    }
    this.remember(doc, key, text, analysis, script);
    return analysis;
  }

  /**
   * The analysis of the document as it is now. A large document that must be read afresh is read
   * in steps, so that requests about other documents are answered in between; `current` says
   * whether the version asked for is still the document's (if not, the result is undefined).
   * `onHead` is given the analysis of a large script's first lines, when one is read afresh, before
   * the rest is read (scriptHead.ts).
   */
  async getStepwise(doc: TextDocument, settings: VppSettings, current: () => boolean, plugins: PluginContextInput = {}, onHead?: (head: ScriptHead) => void): Promise<Analysis | undefined> {
    const language = languageOf(doc);
    if (!language) return undefined;
    const key = this.keyOf(language, settings, plugins);
    const cached = this.entries.get(doc.uri);
    const fresh = isOf(cached, key, doc);
    const incremental = language === 'cli' && followsEdits(cached, key, doc);
    const source = textOf(doc);
    if (fresh || incremental || source.length < STEPWISE_SIZE) return this.get(doc, settings, plugins);
    const running = this.pending.get(doc.uri);
    if (running && running.text === source && running.key === key) return running.done;
    const text = doc.getText();
    const { uri } = doc;
    const ticket = {};
    const options = this.optionsOf(language, settings, plugins);
    const script = language === 'cli' ? new ScriptDocument(options) : undefined;
    if (script && onHead) readHeadFirst(text, options, onHead);
    const done = (async () => {
      try {
        const analysis = await runInSlices(script ? script.resetting(text) : analyzingStartup(text, options), current);
        if (!analysis || !current()) return undefined;
        this.remember(doc, key, source, analysis, script);
        return analysis;
      } finally {
        if (this.pending.get(uri)?.ticket === ticket) this.pending.delete(uri);
      }
    })();
    this.pending.set(uri, { text: source, key, done, ticket });
    return done;
  }

  private remember(doc: TextDocument, key: string, text: TextLike, analysis: Analysis, script: ScriptDocument | undefined): void {
    this.entries.set(doc.uri, { key, text, analysis, script, changes: [], changedTo: doc.version });
  }

  /**
   * Applies incremental changes to a document, as `TextDocuments` would, and remembers them for the
   * next analysis of the document.
   */
  update<T extends TextDocument>(doc: T, changes: readonly TextDocumentContentChangeEvent[], version: number): T {
    const entry = this.entries.get(doc.uri);
    let tracked = !!entry && entry.changedTo === doc.version && entry.changes.length + changes.length <= MAX_PENDING_CHANGES;
    for (const change of changes) {
      if (doc instanceof PieceDocument) {
        const replaced = doc.apply(change);
        // a whole new text (or a document we do not follow): the next analysis starts afresh
        if (!replaced) tracked = false;
        else if (tracked && entry) entry.changes.push({ start: replaced.start, end: replaced.end, text: change.text, after: doc.text, lines: doc.lineIndex });
      } else if (tracked && entry && 'range' in change) {
        const a = doc.offsetAt(change.range.start);
        const b = doc.offsetAt(change.range.end);
        TextDocument.update(doc, [change], version);
        entry.changes.push({ start: Math.min(a, b), end: Math.max(a, b), text: change.text, after: doc.getText() });
      } else {
        // a whole new text (or a document we do not follow): the next analysis starts afresh
        tracked = false;
        TextDocument.update(doc, [change], version);
      }
    }
    if (entry) {
      entry.changedTo = tracked ? version : -1;
      if (!tracked) entry.changes = [];
    }
    if (doc instanceof PieceDocument) doc.update([], version);
    // `TextDocument.update` takes the new version only along with changes
    else if (changes.length === 0) TextDocument.update(doc, [], version);
    return doc;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }
}
