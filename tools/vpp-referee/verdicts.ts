/**
 * What VPP answered to one line, and how we compare it with our analysis. Shared by the referee
 * (which records VPP's answers) and test/referee.test.ts (which replays them), so both judge alike.
 */
import { analyze } from '../../server/src/analysis/analyze';
import type { ConfigEntry } from '../../server/src/analysis/startupModel';
import type { VppRelease } from '../../server/src/schema/types';
import { disabledPluginOf } from './disabledPlugins';
import { refusedAtLookup } from './lookupRefusals';
import { refusedBeforeReading } from './parentAnswered';

/**
 * accepted: the line ran without an error. parse: VPP's parser refused it (unknown input, a
 * malformed value, a missing argument). state: refused for a reason of state or environment
 * (exists already, no such device, not supported here), which says nothing about syntax.
 * crash / timeout: VPP died or did not answer; such lines are kept out of the agreement.
 */
export type VppVerdict = 'accepted' | 'parse' | 'state' | 'crash' | 'timeout';

export interface RecordedCase {
  /** A script line, or (with `startup`) a startup.conf fragment. */
  line: string;
  startup?: boolean;
  family: string;
  /** The plugin that provides the command (generated lines of plugins carry it). */
  plugin?: string;
  verdict: VppVerdict;
  /** VPP's error text (the command's message), when it refused. */
  message?: string;
  /** The input VPP stopped at (`unknown input \`X'`), when it says. */
  rest?: string;
  /**
   * VPP's verdict on the same line once the word it stopped at names an interface (the referee
   * renames a loopback to it): any word can name an interface, so a refusal there depends on state.
   */
  asInterface?: VppVerdict;
  /** What VPP said then, when it refused again (recorded from 2026-12-07 on). */
  asInterfaceSaid?: string;
}

export interface RefereeRecord {
  release: VppRelease;
  /** `show version` of the VPP that answered. */
  vpp: string;
  /** Plugins whose commands and sections were not asked: the build that answered lacks them. */
  notBuilt?: string[];
  cases: RecordedCase[];
}

/** A debug build's assertion or a signal: VPP died, which says nothing of syntax. */
const CRASHED = /assertion .* fails|received signal/i;

/** exec's own word that a line of the script failed (src/vlib/unix/cli.c). */
const LINE_FAILED = /exec: CLI line error/;

/** Messages about state or environment rather than syntax (lower case). */
const STATE_WORDS = [
  'already',
  'exist',
  'no such',
  'not found',
  'in use',
  'fail',
  'errno',
  'not supported',
  'unsupported',
  'not permitted',
  'permission',
  'resource',
  'busy',
  'cannot',
  "can't",
  'unable',
  'out of',
  'not configured',
  'not enabled',
  'disabled',
  'return value',
  'rv ',
  'error -',
  'vnet_api_error',
  'no buffer',
  'timeout',
  'not ready',
  'returned',
  'invalid argument',
  'not a ',
  'invalid interface name',
  'ioctl',
  'not an ',
  'too many',
  'still',
  // named things the sandbox lacks, builds without a feature, checks against tables and workers
  'unknown profile',
  'could not find symbol',
  'pci device',
  'invalid vrf id',
  'no snat policy',
  '_set_tables: -',
  'must compile with',
  'not initialized',
  'non-interactive',
  'unknown sa index',
  'unknown table',
  'unknown queue',
  'errored with',
  'must be created first',
  'no operations on the default',
  // a code from the function that did the work (`Error: %d`, in_out_acl.c): a table or entry it looked up
  'error: -',
  // `snat_det_add_map return -81` (det44: the plugin not enabled in the sandbox)
  'return -',
  // commands that need an earlier one (`flowprobe params`, a name server, a policy, a profile)
  'specify flowprobe params',
  'no name servers',
  'invalid policy id',
  'not defined in',
  'not running',
  // a bridge domain, FIB, SR policy or classifier table the sandbox never made
  'bridge domain id',
  'invalid fib',
  'could not be located',
  'could not be deleted',
  'classifier table not registered',
  'unknown allocation pool',
  // the interface's type (a loopback has no PBB tags) or the address it holds
  'not compatible with interface',
  'error adding or removing address',
  "couldn't",
  // an entry or profile looked up by the function that did the work (teib_entry_del, ikev2's profile by name)
  'teib error',
  'ikev2 profile: error: invalid value',
  // a PCI address with no such device in the sandbox (avf)
  'wrong vendor or device id',
  // a file the sandbox would not open (fateshare's logfile), a server it never started (`http tps del`),
  // a thread beyond the workers it runs (ikev2's `handoff-thread N` > vlib_num_workers ())
  'can not open',
  'not listening on',
  'wrong handoff-thread',
  // `show` commands that look up what the sandbox never made: a tunnel or QoS map by index, a default
  // snat policy, a perfmon bundle started earlier, an interface by its index
  'unknown index',
  'no map for id',
  'no default snat policy',
  'no bundle selected',
  'unknown interface index',
  // workers the sandbox does not run (`set nat workers`: "Supported only if 2 or more workes available.",
  // VPP's spelling; `set interface rx-placement ... worker 1`)
  'or more workes available',
  'specify valid worker thread',
  // `set interface handoff ... workers 0-3`, `set sw_scheduler worker 1024` (24.10): workers it lacks
  'invalid worker',
  // `set interface tx-queue ... threads 0-3`: "please specify valid thread(s) - last thread index 3"
  'specify valid thread',
];

/** Classifies the output of `vppctl exec FILE` for a one-line file. */
export function classify(output: string): Pick<RecordedCase, 'verdict' | 'message' | 'rest'> {
  if (!LINE_FAILED.test(output)) return { verdict: 'accepted' };
  return classifyRefusal(messageLines(output).filter((l) => !LINE_FAILED.test(l)).join('\n'));
}

/** VPP's lines without the `vpp[PID]: ` of its log copy, each once. */
function messageLines(output: string): string[] {
  const lines = output.split(/\r?\n/).map((l) => l.replace(/^vpp\[\d+\]: /, '').trimEnd());
  return [...new Set(lines.filter((l) => l.trim()))];
}

/** Classifies what VPP printed when it stopped at start on a startup.conf fragment. */
export function classifyStartupExit(output: string): Pick<RecordedCase, 'verdict' | 'message' | 'rest'> {
  const lines = messageLines(output);
  // a debug build's assertion or a signal: VPP printed its backtrace, which says nothing of syntax
  const crash = lines.find((l) => CRASHED.test(l));
  if (crash || lines.some((l) => /^#\d+\s+0x[0-9a-f]+ /.test(l))) return { verdict: 'crash', message: (crash ?? lines.slice(-1)[0] ?? '').slice(0, 400) };
  const parse = lines.filter((l) => /unknown input|parse error/.test(l));
  // otherwise VPP's last words before it stopped
  return classifyRefusal((parse.length ? parse : lines.slice(-2)).join('\n'));
}

function classifyRefusal(message: string): Pick<RecordedCase, 'verdict' | 'message' | 'rest'> {
  // VPP died on the line after it printed its error (`session` in 24.10: SIGSEGV): says nothing of syntax
  if (CRASHED.test(message)) return { verdict: 'crash', message: message.slice(0, 400) };
  // `expected NODE COUNT, got \`ref0 1'` (trace.c) quotes the rest of the input as the other two do
  const rest = [/unknown input:? [`']([\s\S]*?)'/, /parse error:? [`']([\s\S]*?)'/, /expected [\s\S]*?, got [`']([\s\S]*?)'/].map((r) => r.exec(message)?.[1]).find((q) => q !== undefined);
  const lower = message.toLowerCase();
  const isParse = rest !== undefined || !STATE_WORDS.some((w) => lower.includes(w));
  return { verdict: isParse ? 'parse' : 'state', message: message.slice(0, 400), ...(rest !== undefined ? { rest } : {}) };
}

export interface Judgement {
  /** Whether our analysis reports an error on the line. */
  weRefuse: boolean;
  /**
   * undefined when VPP's verdict says nothing about syntax (state, crash, timeout, or a refusal that
   * an interface of that name would have turned into acceptance).
   */
  agree?: boolean;
  /** For lines VPP refused at a known word: whether one of our errors covers that word. */
  onToken?: boolean;
}

/** Where in the line VPP stopped, from the rest of input it quoted. */
export function restOffset(line: string, rest: string): number | undefined {
  // format_unformat_error quotes at most 30 characters, `\n` `\t` `\r` escaped, and `...` when
  // there was more: the quote is then the start of what is left, and more follows it in the line
  const truncated = rest.endsWith('...');
  const text = (truncated ? rest.slice(0, -3) : rest).replace(/\\([nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c]!);
  const trimmed = truncated ? text.trimStart() : text.trim();
  if (!trimmed.trim()) return undefined;
  let at = line.lastIndexOf(trimmed);
  if (truncated) while (at >= 0 && !line.slice(at + trimmed.length).trim()) at = at > 0 ? line.lastIndexOf(trimmed, at - 1) : -1;
  return at >= 0 ? at : undefined;
}

/**
 * A recorded refusal read again with today's classifier, so that a better reading of VPP's
 * words (a state it names, the input it quotes) applies to answers recorded before it.
 */
export function reread(c: RecordedCase, release?: VppRelease): RecordedCase {
  if ((c.verdict !== 'parse' && c.verdict !== 'state') || c.message === undefined) return c;
  const again = classifyRefusal(c.message);
  const rest = c.rest ?? again.rest;
  // a command of a plugin the referee's VPP did not load, one that failed a check of state before
  // reading a word (the command above it answered), or a name VPP looked up and lacked: the
  // refusal is the environment's
  const environment =
    !c.startup && release && (disabledPluginOf(c.line, release) || refusedBeforeReading(c.line, c.message, release) !== undefined || refusedAtLookup(c.line, rest, release) !== undefined);
  const verdict = again.verdict === 'parse' && environment ? 'state' : again.verdict;
  const asInterface = c.asInterfaceSaid !== undefined && (c.asInterface === 'parse' || c.asInterface === 'state') ? asInterfaceVerdict(c.asInterfaceSaid, rest) : c.asInterface;
  return { ...c, verdict, rest, ...(asInterface ? { asInterface } : {}) };
}

/**
 * VPP's second answer, once an interface bore the word it stopped at. Where it first quoted that word
 * and now quotes nothing (`show vhost-user bogus-option` with a loopback named `bogus-option`:
 * "unknown input `'"), it read the word as the interface and refused the interface itself, for its
 * kind (not a vhost-user one): a refusal of state, as a vhost-user interface of that name would pass.
 */
function asInterfaceVerdict(said: string, firstRest: string | undefined): VppVerdict {
  const again = classifyRefusal(said);
  if (again.verdict === 'parse' && again.rest !== undefined && !again.rest.trim() && firstRest?.trim()) return 'state';
  return again.verdict;
}

/**
 * Lines asked before the referee renamed an interface (`asInterface`) borrow the answer of the same
 * words asked in a `{ }` block, which hands VPP's function the same input: VPP refused `set cnat
 * feature bogus-option` and `set cnat feature { bogus-option }` alike ("unknown input 'bogus-option'"),
 * and accepted the second once an interface bore that name. Only for the same refusal, word for word.
 */
export function withBlockEvidence(cases: readonly RecordedCase[]): RecordedCase[] {
  const inBlock = new Map<string, RecordedCase>();
  for (const c of cases) {
    const block = /^(.*?) \{ (.*) \}$/.exec(c.line);
    if (block && !c.startup && c.asInterface !== undefined) inBlock.set(`${block[1]} ${block[2]}`, c);
  }
  return cases.map((c) => {
    const sibling = c.asInterface === undefined && c.verdict === 'parse' && !c.startup ? inBlock.get(c.line) : undefined;
    return sibling && sibling.verdict === 'parse' && sibling.message === c.message ? { ...c, asInterface: sibling.asInterface } : c;
  });
}

export function judge(recorded: RecordedCase, release: VppRelease): Judgement {
  const c = reread(recorded, release);
  const analysis = analyze(c.line, { language: c.startup ? 'startup' : 'cli', release });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const weRefuse = errors.length > 0;
  if (c.verdict === 'accepted') return { weRefuse, agree: !weRefuse };
  if (c.verdict !== 'parse') return { weRefuse };
  // refused only because no interface had that name: with one, VPP accepts the line
  if (c.asInterface === 'accepted') return weRefuse ? { weRefuse, agree: false } : { weRefuse };
  // with one, VPP's parser read the word as that interface and the line failed for state (`not a
  // memif interface`): VPP refuses it either way, and which refusal depends on state
  if (c.asInterface === 'state') return { weRefuse };
  const judgement: Judgement = { weRefuse, agree: weRefuse };
  const at = c.rest === undefined ? undefined : restOffset(c.line, c.rest);
  if (weRefuse && at !== undefined) {
    const covered = (from: number) => {
      const end = phraseEnd(analysis, c, from);
      return errors.some((d) => d.start < end && d.end >= from);
    };
    // we read any word as the interface it may name: once one bore the word VPP stopped at, VPP
    // refused the line again and quoted a later word (`ip route 198.51.100.0/24 via ref \` with
    // `bogus-option` continued: "parse error `via ref'", then "unknown input `  bogus-option'"), and
    // an error there is on VPP's word in the world our reading assumes
    const again = c.asInterface === 'parse' && c.asInterfaceSaid !== undefined ? classifyRefusal(c.asInterfaceSaid).rest : undefined;
    const atAgain = again === undefined ? undefined : restOffset(c.line, again);
    judgement.onToken = covered(at) || (atAgain !== undefined && atAgain > at && covered(atAgain));
  }
  return judgement;
}

/**
 * Where the phrase VPP could not read ends: VPP quotes the input from the start of the loop turn
 * that failed, the keyword (`vrf abc` of `nat44 add static mapping vrf abc`), while the fault is
 * often its value. The phrase is the argument our analysis read from there (the keyword and its
 * values), or the startup.conf parameter and its values (all its words: `connection hash buckets abc`
 * of acl-plugin), else that parameter's first word and the next, else the word alone.
 */
function phraseEnd(analysis: ReturnType<typeof analyze>, c: RecordedCase, at: number): number {
  const word = /^\S*/.exec(c.line.slice(at))?.[0] ?? '';
  const wordEnd = at + Math.max(word.length, 1);
  if (c.startup) {
    const entry = analysis.startup && entryAt(analysis.startup.sections, at);
    if (entry) return Math.max(wordEnd, entryEnd(entry));
    const pair = /^\S+[ \t]+[^\s{}]+/.exec(c.line.slice(at))?.[0];
    return pair ? at + pair.length : wordEnd;
  }
  for (const use of analysis.commands) {
    const m = use.match?.matches.find((x) => x.start <= at && at < x.end);
    if (m) return Math.max(m.end, wordEnd);
  }
  return wordEnd;
}

/** The startup.conf entry, at any depth, whose first word is at `at`. */
function entryAt(entries: readonly ConfigEntry[], at: number): ConfigEntry | undefined {
  for (const e of entries) {
    if (e.key[0]?.start === at) return e;
    if (e.start <= at && at < e.end) {
      const inner = entryAt(e.children, at);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Where an entry's words end: its key and values, not a block after them. */
function entryEnd(e: ConfigEntry): number {
  const last = [...e.key, ...e.values.flatMap((v) => (v.token ? [v.token] : (v.rest ?? [])))].pop();
  return last ? last.end : e.end;
}

/** Command families, for the agreement report. */
export function familyOf(path: string): string {
  const families: [RegExp, string][] = [
    [/^(create|delete) (tap|host-interface|interface af_xdp|interface memif|vhost-user|loopback|sub-interfaces?|interface af_packet)|^(set|show) interface|^lcp|^tap|^memif|^vhost|^create interface|^delete interface/, 'interfaces'],
    [/^(ip|ip6|set ip|show ip|mpls|set ip6|ip route|ip table|ip neighbor|set ip neighbor)/, 'routing'],
    [/nat|^det44|^cnat/, 'nat'],
    [/^acl|^set acl|^show acl/, 'acl'],
    [/ipsec|ikev2|^crypto/, 'ipsec'],
    [/vxlan|gre|geneve|ipip|wireguard|gtpu|lisp|^create (vxlan|gre|geneve|ipip)/, 'tunnels'],
    [/bond/, 'bonding'],
    [/trace|pcap|^elog|^event-logger/, 'tracing'],
  ];
  return families.find(([re]) => re.test(path))?.[1] ?? 'other';
}
