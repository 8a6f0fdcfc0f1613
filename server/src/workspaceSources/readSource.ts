import { readingFields } from '../schema/generatedArgs';
import { RELEASES, type ArgSpec, type CommandSpec, type PluginSpec, type ReadCommandArgs, type SourceLocation, type StartupParam } from '../schema/types';
import { knownUnformat, readCliFile, readCommandFunction, stripComments } from '../sourceReader/index';
import { skipLiteral, stringLiteralValue } from '../sourceReader/cText';
import { findFunctionBodies } from '../sourceReader/registrations';
import { LineIndex } from '../syntax/lineIndex';

/**
 * What one C file of the user's own sources adds to VPP's vocabulary: its CLI commands, its
 * startup.conf sections (config functions) and whether it registers a plugin. Pure text in, data out,
 * so that it runs wherever the server runs.
 */
export interface SourceVocabulary {
  readonly file: string;
  readonly commands: readonly CommandSpec[];
  readonly sections: readonly StartupParam[];
  /** Set when the file has `VLIB_PLUGIN_REGISTER`: the plugin is named by the file's folder. */
  readonly plugin?: PluginSpec;
}

const MARKERS = /\bVLIB_(?:CLI_COMMAND|CONFIG_FUNCTION|EARLY_CONFIG_FUNCTION|PLUGIN_REGISTER)\b/;

/** `file` is the absolute path, with `/` separators. */
export function readSourceFile(text: string, file: string): SourceVocabulary {
  if (!MARKERS.test(text)) return { file, commands: [], sections: [] };
  const blanked = blankComments(text);
  const index = new LineIndex(text);
  const lineAt = (offset: number) => index.lineOf(offset);
  const cliLines = registrationLines(blanked, lineAt);
  const commands = readCliFile(text).map((read): CommandSpec => {
    const definedAt: SourceLocation = { file, line: cliLines.get(read.path) ?? 0 };
    const source = { file, function: read.function ?? '' };
    return { path: read.path, synopsis: read.shortHelp ?? read.path, ...readingFields({ ...read.reading, path: read.path, source }, read.reading.args), definedAt };
  });
  return { file, commands, sections: configSections(text, blanked, file, lineAt), plugin: pluginRegistration(blanked, file) };
}

/** The line of each `VLIB_CLI_COMMAND`, by its path. */
function registrationLines(blanked: string, lineAt: (offset: number) => number): Map<string, number> {
  const lines = new Map<string, number>();
  const re = /\bVLIB_CLI_COMMAND\s*\([^)]*\)\s*=\s*\{[^}]*?\.path\s*=\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)/g;
  for (let m = re.exec(blanked); m; m = re.exec(blanked)) {
    const path = stringLiteralValue(m[1].trim())?.replace(/\s+/g, ' ').trim();
    if (path && !lines.has(path)) lines.set(path, lineAt(m.index));
  }
  return lines;
}

/** `VLIB_CONFIG_FUNCTION (fn, "name")`: a startup.conf section read by `fn`'s parse loop. */
function configSections(text: string, blanked: string, file: string, lineAt: (offset: number) => number): StartupParam[] {
  const re = /\bVLIB_(EARLY_)?CONFIG_FUNCTION\s*\(\s*(\w+)\s*,\s*"([^"\\\n]+)"/g;
  const found: StartupParam[] = [];
  let functions: ReturnType<typeof findFunctionBodies> | undefined;
  for (let m = re.exec(blanked); m; m = re.exec(blanked)) {
    functions ??= findFunctionBodies(stripComments(text));
    const [, early, fnName, key] = m;
    const fn = functions.get(fnName);
    const reading: ReadCommandArgs = fn
      ? readCommandFunction(fn.body, fn.params[1] ?? 'input', knownUnformat)
      : { strict: false, reason: `${fnName} is not defined in the same file`, args: [] };
    found.push(sectionOf(key, fnName, reading, { file, line: lineAt(m.index) }, !!early));
  }
  return found;
}

function sectionOf(key: string, fn: string, reading: ReadCommandArgs, definedAt: SourceLocation, early: boolean): StartupParam {
  // a value read without a keyword has no startup.conf name to check: such a block stays loose
  const keyed = reading.args.filter((a): a is ArgSpec & { keyword: string } => !!a.keyword);
  const strict = reading.strict && keyed.length === reading.args.length;
  const how = strict ? 'VPP refuses any other word in it' : `its words are not checked: ${reading.reason ?? 'the parse loop reads values without a keyword'}`;
  return {
    key,
    doc: `Read by \`${fn}\`${early ? ' (an early config function, read before plugins load)' : ''}; ${how}.`,
    strict,
    blockOptional: true,
    block: keyed.map((a) => ({ key: a.keyword, values: a.values, doc: a.doc, repeatable: true })),
    definedAt,
  };
}

/** `VLIB_PLUGIN_REGISTER () = { .description = "..." }`: VPP names the plugin after its .so, which the build names after the folder. */
function pluginRegistration(blanked: string, file: string): PluginSpec | undefined {
  const m = /\bVLIB_PLUGIN_REGISTER\s*\(\s*\)\s*=\s*\{([^}]*)\}/.exec(blanked);
  if (!m) return undefined;
  const folder = file.split('/').slice(-2, -1)[0] || 'plugin';
  const description = /\.description\s*=\s*((?:"(?:[^"\\\n]|\\.)*"\s*)+)/.exec(m[1]);
  const disabled = /\.default_disabled\s*=\s*1\b/.test(m[1]);
  const plugin: PluginSpec = { name: folder };
  const text = description && stringLiteralValue(description[1].trim());
  if (text) plugin.description = text;
  if (disabled) plugin.defaultDisabled = RELEASES;
  return plugin;
}

/** The text with comments replaced by blanks (newlines kept), so offsets stay those of the file. */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = Math.min(skipLiteral(text, i), text.length);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && (text[i + 1] === '*' || text[i + 1] === '/')) {
      const close = text[i + 1] === '*' ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      const end = close < 0 ? text.length : text[i + 1] === '*' ? close + 2 : close;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
