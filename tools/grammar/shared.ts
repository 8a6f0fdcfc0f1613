/**
 * Grammar rules both languages share: template placeholders, value shapes (addresses, numbers,
 * sizes, interface names, paths) and plain words. Scope names end in the language's suffix.
 */
import { wholeWord, type Boundaries } from './regex';

export interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  patterns?: Rule[];
  include?: string;
}

export interface Grammar {
  comment?: string;
  name?: string;
  scopeName: string;
  fileTypes?: string[];
  injectionSelector?: string;
  patterns: Rule[];
  repository?: Record<string, Rule>;
}

export const include = (name: string): Rule => ({ include: name.includes('.') ? name : `#${name}` });

/**
 * Placeholders of the tools that generate VPP configuration: `${X}` (shell, envsubst), `$(X)` (VPP's
 * own macro expander), `{{ .X }}` (Go, Jinja), `{% ... %}` and `{# ... #}` (Jinja). A placeholder
 * never runs past another `$`, brace or bracket, so a failed attempt stops early.
 */
export const TEMPLATE_PARTS = {
  dollarBrace: [String.raw`\$\{`, String.raw`[^{}()$\s]*+`, String.raw`\}`],
  dollarParen: [String.raw`\$\(`, String.raw`[^{}()$\s]*+`, String.raw`\)`],
  expression: [String.raw`\{\{`, String.raw`(?:[^{}\n]|\}(?!\}))*+`, String.raw`\}\}`],
  statement: [String.raw`\{%`, String.raw`(?:[^{%\n]|%(?!\}))*+`, String.raw`%\}`],
  comment: [String.raw`\{#`, String.raw`(?:[^{#\n]|#(?!\}))*+`, String.raw`#\}`],
} as const;

type TemplatePart = (typeof TEMPLATE_PARTS)[keyof typeof TEMPLATE_PARTS];

const captured = ([open, inner, close]: TemplatePart): string => `(${open})(${inner})(${close})`;

/** The same placeholders without capture groups, for use inside larger patterns. */
export const TEMPLATE_ANY = Object.values(TEMPLATE_PARTS)
  .map((parts) => parts.join(''))
  .join('|');

/** One word as the lexer reads it: word characters and placeholders, e.g. `192.168.$(NET).1/24`. */
export function fullWord(b: Boundaries): string {
  return `(?:${b.wordChar}|${TEMPLATE_ANY}|\\$)++`;
}

function delimited(part: TemplatePart, name: string, suffix: string): Rule {
  return {
    match: captured(part),
    name: `${name}.${suffix}`,
    captures: {
      '1': { name: `punctuation.definition.template.begin.${suffix}` },
      '3': { name: `punctuation.definition.template.end.${suffix}` },
    },
  };
}

export function templateRule(suffix: string): Rule {
  return {
    patterns: [
      delimited(TEMPLATE_PARTS.comment, 'comment.block.template', suffix),
      delimited(TEMPLATE_PARTS.statement, 'meta.embedded.template.statement', suffix),
      delimited(TEMPLATE_PARTS.expression, 'variable.other.template', suffix),
      delimited(TEMPLATE_PARTS.dollarBrace, 'variable.other.template', suffix),
      delimited(TEMPLATE_PARTS.dollarParen, 'variable.other.template', suffix),
    ],
  };
}

const HEX = '[0-9A-Fa-f]';
const IP4 = String.raw`(?:[0-9]{1,3}\.){3}[0-9]{1,3}`;
/** Loose on purpose (VPP checks the value); at least two colons, optionally an IPv4 tail. */
const IP6 = `${HEX}{0,4}(?::${HEX}{0,4}){2,7}(?:(?:\\.[0-9]{1,3}){3})?`;
const PREFIX_LENGTH = '/[0-9]{1,3}';

/**
 * VPP's interface names: letters, then a number, then `/n` parts and a `.n` sub-interface, as in
 * `GigabitEthernet0/8/0.100`, `memif1/0`, `loop0`, `tap0`, `vxlan_tunnel0`; `-` and `_` only
 * between letters, so `aes-cbc-128` is not one.
 */
const INTERFACE = String.raw`[A-Za-z](?:[A-Za-z]++|[_-]++(?=[A-Za-z]))*+[0-9]++(?:/[0-9]++)*+(?:\.[0-9]++)?+`;

export interface WordShape {
  /** The word, without boundaries and without capture groups. */
  body: string;
  /** Scope name without the language suffix. */
  name: string;
}

/** Value shapes, most specific first: a MAC address is also a loose IPv6 address, a PCI address too. */
export function valueShapes(b: Boundaries): WordShape[] {
  return [
    { body: `${HEX}{1,2}(?::${HEX}{1,2}){5}|${HEX}{4}\\.${HEX}{4}\\.${HEX}{4}`, name: 'constant.other.mac' },
    { body: `(?:${HEX}{4}:)?${HEX}{2}:${HEX}{2}\\.[0-7]`, name: 'constant.other.pci' },
    { body: `${IP4}${PREFIX_LENGTH}`, name: 'constant.other.ip.v4.prefix' },
    { body: IP4, name: 'constant.other.ip.v4' },
    { body: `${IP6}${PREFIX_LENGTH}`, name: 'constant.other.ip.v6.prefix' },
    { body: IP6, name: 'constant.other.ip.v6' },
    { body: `0[xX]${HEX}++`, name: 'constant.numeric.hex' },
    { body: '[0-9]++[kKmMgG]', name: 'constant.numeric.size' },
    { body: '[0-9]++(?:[-,][0-9]++)++', name: 'constant.numeric.range' },
    { body: String.raw`[0-9]++\.[0-9]++`, name: 'constant.numeric.float' },
    { body: '[+-]?[0-9]++', name: 'constant.numeric.integer' },
    { body: `host-${b.wordChar}++`, name: 'variable.other.interface' },
    { body: INTERFACE, name: 'variable.other.interface' },
    { body: String.raw`[A-Za-z0-9_.-]*+(?<=_plugin\.so)`, name: 'string.unquoted.plugin' },
    { body: `(?:/|\\.{1,2}/|~/)(?:${b.wordChar}|${TEMPLATE_ANY}|\\$)*+`, name: 'string.unquoted.path' },
  ];
}

export function valueRules(suffix: string, b: Boundaries): Rule[] {
  return valueShapes(b).map((shape) => ({ match: wholeWord(shape.body, b), name: `${shape.name}.${suffix}` }));
}

/**
 * One regex that classifies a single word by the first shape it has, each shape in its own capture
 * group (from `firstGroup` on), for places where a rule must consume the word itself; anything else
 * is still consumed, unscoped. Captures with `patterns` would re-tokenize the line up to the word,
 * which costs time quadratic in the line length when it happens on every word.
 */
export function classifyWord(shapes: readonly WordShape[], suffix: string, b: Boundaries, firstGroup = 1): { pattern: string; captures: Record<string, Rule> } {
  const alternatives = shapes.map((shape) => `(?>(${shape.body}))${b.end}`);
  const captures: Record<string, Rule> = {};
  shapes.forEach((shape, i) => (captures[String(firstGroup + i)] = { name: `${shape.name}.${suffix}` }));
  return { pattern: `${b.start}(?:${alternatives.join('|')}|${fullWord(b)})`, captures };
}

/**
 * Placeholders as capture groups (four each: the whole, its opening, its name, its closing), for
 * patterns that must consume a placeholder themselves, such as the `$(X)` before `{ cmd }`.
 */
export function capturedTemplates(kinds: readonly (keyof typeof TEMPLATE_PARTS)[], suffix: string, firstGroup: number): { pattern: string; captures: Record<string, Rule> } {
  const captures: Record<string, Rule> = {};
  const alternatives = kinds.map((kind, i) => {
    const group = firstGroup + 4 * i;
    captures[String(group)] = { name: `variable.other.template.${suffix}` };
    captures[String(group + 1)] = { name: `punctuation.definition.template.begin.${suffix}` };
    captures[String(group + 3)] = { name: `punctuation.definition.template.end.${suffix}` };
    return `(${captured(TEMPLATE_PARTS[kind])})`;
  });
  return { pattern: alternatives.join('|'), captures };
}

/** Anything else up to the next boundary, so no value shape is found inside a longer word. */
export function plainWordRule(b: Boundaries): Rule {
  return { match: `${b.wordChar}++` };
}
