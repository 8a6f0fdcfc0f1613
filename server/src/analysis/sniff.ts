import { NEWEST_RELEASE, schemaFor } from '../schema/index';
import { parse } from '../syntax/parser';
import { isGroup } from '../syntax/tree';
import { analyzeLine } from './cliModel';

export type LanguageId = 'vpp-startup' | 'vpp-cli';

/** How much of a file we look at to guess its language. */
const SNIFF_LIMIT = 64 * 1024;

/**
 * Guesses whether a file whose name says nothing (`vpp.conf`, `init.conf`, `*.cfg`) is a VPP
 * startup.conf or a VPP script, or neither. Conservative: a file is claimed only when most of what
 * it says is VPP.
 */
export function sniffLanguage(content: string): LanguageId | undefined {
  const text = content.slice(0, SNIFF_LIMIT);
  const schema = schemaFor(NEWEST_RELEASE);
  const startup = parse(text, 'startup', 'config');
  let sections = 0;
  let others = 0;
  for (let i = 0; i < startup.items.length; i++) {
    const item = startup.items[i];
    if (isGroup(item) || item.kind !== 'word') continue;
    const next = startup.items[i + 1];
    if (schema.sectionByKey.has(item.text) && next && isGroup(next)) {
      sections++;
      i++;
    } else if (!/[{$%]/.test(item.text)) others++;
  }
  if (sections >= 1 && sections * 2 >= others + sections) return 'vpp-startup';

  const script = parse(text, 'cli', 'script');
  let commands = 0;
  let unknown = 0;
  for (const line of script.lines) {
    const use = analyzeLine(line, schema);
    if (use.kind === 'command' && use.path.length >= 2) commands++;
    else if (use.kind === 'dispatcher' || use.kind === 'templated') continue;
    else unknown++;
  }
  if (commands >= 1 && commands >= unknown * 3) return 'vpp-cli';
  return undefined;
}

/** The language a file's name implies, following the extension's file associations. */
export function languageFromFileName(path: string): LanguageId | undefined {
  const normalized = path.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  const underVppFolder = /(^|\/)vpp\//.test(normalized);
  if (base === 'startup.conf' || base.endsWith('.startup.conf')) return 'vpp-startup';
  if (base.endsWith('.vpp') || base === 'setup.gate') return 'vpp-cli';
  if (underVppFolder && base.endsWith('.cli')) return 'vpp-cli';
  if (underVppFolder && base.endsWith('.conf')) return 'vpp-startup';
  return undefined;
}

/**
 * Files whose content is worth sniffing when a folder is searched: the extensions VS Code opens as
 * plain text, properties or ini, the languages the extension sniffs (`vpp.conf`, `init.cfg`).
 */
const SNIFFED_EXTENSIONS = /\.(conf|cfg|cli|ini|properties|txt)$/i;

/** Whether a file found in a folder may be VPP: its name says so, or its content is worth a look. */
export function mayBeVppFile(path: string): boolean {
  return languageFromFileName(path) !== undefined || SNIFFED_EXTENSIONS.test(path);
}

/** The analysis language of a file: by its name, else by its content; undefined when it is not clearly VPP. */
export function guessLanguage(path: string, content: string): 'cli' | 'startup' | undefined {
  const id = languageFromFileName(path) ?? sniffLanguage(content);
  return id === 'vpp-startup' ? 'startup' : id === 'vpp-cli' ? 'cli' : undefined;
}
