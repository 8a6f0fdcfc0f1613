import cliSnippets from '../../../snippets/vpp-cli.json';
import startupSnippets from '../../../snippets/vpp-startup.json';
import { COURSE_MATRIX_ORDER, DECISION_RULE, DECISION_SUMMARY, INTERFACE_TYPES, SELECTION_MATRIX_COLUMNS, type InterfaceTypeId } from '../schema/docs/interfaceTypes';

/**
 * The course's way of choosing an interface type, as pure functions: the client asks the questions
 * and inserts the snippet; the tests check the answers.
 */

export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

export const DECISION_QUESTIONS = DECISION_RULE;

/** The type the first "yes" selects, following the course's order of questions. */
export function chooseInterfaceType(answers: readonly boolean[]): InterfaceTypeId | undefined {
  const index = answers.findIndex((yes) => yes);
  return index >= 0 && index < DECISION_RULE.length ? DECISION_RULE[index].answer : undefined;
}

/** The snippet that sets an interface type up, and the language it is written in. */
export function snippetForType(type: InterfaceTypeId): { language: 'vpp-cli' | 'vpp-startup'; name: string; snippet: Snippet } | undefined {
  const sources = [
    ['vpp-cli', cliSnippets],
    ['vpp-startup', startupSnippets],
  ] as const;
  for (const [language, snippets] of sources) {
    for (const [name, snippet] of Object.entries(snippets as Record<string, Snippet>)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      if (prefixes.includes(type)) return { language, name, snippet };
    }
  }
  return undefined;
}

/** The course's selection matrix as a Markdown table, one column per interface type. */
export function selectionMatrixMarkdown(): string {
  const types = COURSE_MATRIX_ORDER.map((id) => INTERFACE_TYPES.find((t) => t.id === id)!).filter(Boolean);
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# VPP interface types: selection matrix',
    '',
    `| | ${types.map((t) => escape(t.title)).join(' | ')} |`,
    `|---|${types.map(() => '---').join('|')}|`,
    ...SELECTION_MATRIX_COLUMNS.map((c) => `| **${c.label}** | ${types.map((t) => escape(t.matrix[c.key])).join(' | ')} |`),
    '',
    '## Decision rule',
    '',
    DECISION_SUMMARY,
    '',
    ...DECISION_RULE.map((d, i) => `${i + 1}. ${d.question} → **${INTERFACE_TYPES.find((t) => t.id === d.answer)?.title ?? d.answer}**: ${d.why}`),
    '',
  ];
  return lines.join('\n');
}
