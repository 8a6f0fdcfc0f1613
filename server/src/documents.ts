import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type Language } from './analysis/analyze';
import { guessLanguage } from './analysis/sniff';
import type { VppSettings } from './settings';

/** The language of an open document: its language id, else its file name, else its content. */
export function languageOf(doc: TextDocument): Language | undefined {
  if (doc.languageId === 'vpp-startup') return 'startup';
  if (doc.languageId === 'vpp-cli') return 'cli';
  return guessLanguage(decodeURIComponent(doc.uri), doc.getText());
}

/** What the startup.conf that runs a script says about plugins, when one is open. */
export interface PluginContextInput {
  switches?: ReadonlyMap<string, boolean>;
  source?: string;
}

/** One analysis per document version; a new version replaces the old one. */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; key: string; analysis: Analysis }>();

  get(doc: TextDocument, settings: VppSettings, plugins: PluginContextInput = {}): Analysis | undefined {
    const language = languageOf(doc);
    if (!language) return undefined;
    const switches = plugins.switches ? [...plugins.switches].map(([name, on]) => `${name}=${on}`).join(',') : '';
    const key = `${language}|${settings.release ?? ''}|${settings.maxFileSize}|${plugins.source ?? ''}|${switches}`;
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.key === key) return cached.analysis;
    const analysis = analyze(doc.getText(), {
      language,
      release: settings.release,
      maxFileSize: settings.maxFileSize,
      pluginSwitches: plugins.switches,
      pluginSource: plugins.source,
    });
    this.entries.set(doc.uri, { version: doc.version, key, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
