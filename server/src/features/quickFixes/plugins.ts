import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analyze';
import { isGroup } from '../../syntax/tree';
import { quickFix, type FixInput } from './action';
import { entryAt, useAt } from './findings';
import { addToBlock, appendSection } from './startupEdits';
import { suppressForFile } from './suppress';

/** The startup.conf a script's plugin switches come from: the open one whose `exec` / `startup-config` runs it. */
export interface LinkedStartup {
  readonly uri: string;
  readonly analysis: Analysis;
}

/**
 * A command or section whose plugin VPP disables by default: "Enable <plugin> in startup.conf"
 * edits the startup.conf (this one, or the open one that runs the script) and "Suppress for this
 * file" adds a `disable-file` comment, for a script whose startup.conf is elsewhere.
 */
export function pluginFixes(input: FixInput, linked: LinkedStartup | undefined): CodeAction[] {
  const { analysis, diagnostic: d, code, start, uri } = input;
  if (code !== 'vpp.plugin-disabled') return [];
  const plugin = analysis.language === 'cli' ? useAt(analysis, start)?.command?.plugin : entryAt(analysis.startup?.sections, start)?.param?.plugin;
  const out: CodeAction[] = [];
  const target = analysis.language === 'startup' ? { uri, analysis } : linked;
  const edit = plugin && target ? enablePlugin(target.analysis, plugin) : undefined;
  if (edit && target) {
    const name = decodeURIComponent(target.uri.slice(target.uri.lastIndexOf('/') + 1));
    out.push(quickFix(`Enable ${plugin} in ${name}`, uri, d, [], true, { [target.uri]: [edit] }));
  }
  if (analysis.language === 'cli') out.push(suppressForFile(input));
  return out;
}

/** The edit that makes startup.conf load a plugin: `disable` becomes `enable`, or a `plugin ... { enable }` line is added. */
export function enablePlugin(startup: Analysis, plugin: string): TextEdit | undefined {
  const file = `${plugin}_plugin.so`;
  const line = `plugin ${file} { enable }`;
  const sections = startup.startup?.sections ?? [];
  const plugins = sections.find((s) => s.param?.key === 'plugins' && s.block && isGroup(s.block));
  if (!plugins || !plugins.block || !isGroup(plugins.block)) return appendSection(startup, `plugins {\n  ${line}\n}`);
  const entry = plugins.children.find((e) => e.param?.key === 'plugin' && e.values[0]?.token?.text === file);
  if (!entry) return addToBlock(startup, plugins.block, line);
  const block = entry.block && isGroup(entry.block) ? entry.block : undefined;
  if (!block) {
    const value = entry.values[0].token!;
    return { range: startup.lines.range(value.end, value.end), newText: ' { enable }' };
  }
  const disable = block.items.find((i) => !isGroup(i) && i.text === 'disable');
  if (disable) return { range: startup.lines.range(disable.start, disable.end), newText: 'enable' };
  return block.items.some((i) => !isGroup(i) && i.text === 'enable') ? undefined : addToBlock(startup, block, 'enable');
}
