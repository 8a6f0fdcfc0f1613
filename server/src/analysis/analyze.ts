import { schemaFor, type Schema, type SchemaLayer } from '../schema/index';
import { RELEASES, type VppRelease } from '../schema/types';
import { parsingConfig } from '../syntax/configSteps';
import { indexingLines, LineIndex } from '../syntax/lineIndex';
import type { LexMode } from '../syntax/tokens';
import type { SyntaxTree, Token } from '../syntax/tree';
import type { CommandUse } from './cliModel';
import { diagnostic, type VppDiagnostic } from './diagnostic';
import { findReleaseDirective, findSuppressions, type ReleaseDirective, type Suppression } from './directives';
import { releaseOf, ScriptDocument } from './scriptDocument';
import { analysedPart, fileTooLarge } from './sizeLimit';
import { checkingStartup } from './startupChecks';
import { buildingStartupModel, type StartupModel } from './startupModel';
import { finish, type Steps } from './steps';

export type Language = 'cli' | 'startup';

export interface AnalyzeOptions {
  language: Language;
  /** The release from settings; a `# vpp-version:` comment in the file wins over it. */
  release?: VppRelease;
  /** Files larger than this (in UTF-16 code units) get a notice and no analysis past the parse. */
  maxFileSize?: number;
  /** Plugins enabled (true) or disabled (false) by the startup.conf that runs this script, when known. */
  pluginSwitches?: ReadonlyMap<string, boolean>;
  /** That startup.conf's name, for messages. */
  pluginSource?: string;
  /** Commands, sections and plugins read from the user's own C sources. */
  layer?: SchemaLayer;
}

/** Everything the features need to know about one version of one document. */
export interface Analysis {
  readonly language: Language;
  readonly text: string;
  readonly lines: LineIndex;
  readonly tree: SyntaxTree;
  readonly release: VppRelease;
  readonly releaseDirective?: ReleaseDirective;
  readonly schema: Schema;
  /** Script commands, one per logical line. */
  readonly commands: readonly CommandUse[];
  /** The path words of the script's `exec` lines, in order (kept across edits, so links need no walk over every line). */
  readonly scriptRuns: readonly Token[];
  readonly startup?: StartupModel;
  readonly diagnostics: readonly VppDiagnostic[];
  readonly suppressions: readonly Suppression[];
  readonly limited: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

/** startup.conf changed how it reads `#` in 26.02: before, only a word starting with `#` is a comment. */
export function lexModeFor(language: Language, release: VppRelease): LexMode {
  if (language === 'cli') return 'script';
  return RELEASES.indexOf(release) >= RELEASES.indexOf('26.02') ? 'config' : 'legacy-config';
}

export function analyze(text: string, options: AnalyzeOptions): Analysis {
  if (options.language === 'cli') return new ScriptDocument(options).reset(text);
  return finish(analyzingStartup(text, options));
}

/** How many tokens one step looks through for comments. */
const TOKENS_PER_STEP = 65536;

/** A startup.conf's analysis in steps (see steps.ts): a document of millions of words must not hold the server for seconds. */
export function* analyzingStartup(text: string, options: AnalyzeOptions): Steps<Analysis> {
  const directive = findReleaseDirective(text);
  const release = releaseOf(directive, options);
  const schema = schemaFor(release, options.layer);
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const limited = text.length > limit;
  const lines = yield* indexingLines(text);
  const tree = yield* parsingConfig(analysedPart(text, limit), lexModeFor('startup', release), limited ? undefined : lines);
  const diagnostics: VppDiagnostic[] = [];
  for (const e of tree.errors) {
    const d = diagnostic(e.code as VppDiagnostic['code'], e.message, e.start, e.end);
    if (e.atEnd) d.severity = 'warning';
    diagnostics.push(d);
  }
  if (directive && !directive.release) {
    diagnostics.push(diagnostic('vpp.unknown-release', `VPP ${directive.value} is not a release we model (${RELEASES.join(', ')}); using ${release}.`, directive.start, directive.end));
  }
  if (limited) diagnostics.push(fileTooLarge(text, limit, tree.text.length, lines));
  yield;
  const startup = yield* buildingStartupModel(tree.items, schema);
  yield* checkingStartup(startup, schema, text, diagnostics);
  const comments: Token[] = [];
  for (let i = 0; i < tree.tokens.length; i++) {
    if (tree.tokens[i].kind === 'comment') comments.push(tree.tokens[i]);
    if (i % TOKENS_PER_STEP === TOKENS_PER_STEP - 1) yield;
  }
  const suppressions = findSuppressions(comments, (o) => lines.lineOf(o));
  return { language: 'startup', text, lines, tree, release, releaseDirective: directive, schema, commands: [], scriptRuns: [], startup, diagnostics, suppressions, limited };
}
