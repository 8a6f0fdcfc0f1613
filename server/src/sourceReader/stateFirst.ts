import { returnsError } from './branches';
import { normalizeSpace, parseStatements, splitTopLevel, stringLiteralValue, type Statement } from './cText';

/**
 * The error a command function returns before it looks at its input at all: `if
 * (vnet_lisp_gpe_enable_disable_status () == 0) return clib_error_return (0, "LISP is disabled");`
 * (gpe iface), `if (session_rule_table_is_enabled () == 0) return ...` (session rule). Such a check
 * is of VPP's state, never of the line: nothing of the line has been read. When it fails,
 * vlib_cli_dispatch_sub_commands runs the command above it on the words, and that command's
 * refusal is what VPP shows.
 */
export function refusalBeforeReading(body: string, inputName: string): string | undefined {
  const statements = parseStatements(body);
  if (!statements) return undefined;
  const mentionsInput = new RegExp(`\\b${inputName}\\b`);
  for (const s of statements) {
    if (mentionsInput.test(s.text)) return undefined;
    const said = s.kind === 'if' && !s.else ? errorSaid(s.then) : undefined;
    if (said !== undefined) return said;
  }
  return undefined;
}

/** The message of `return clib_error_return (0, "...")`, alone or in braces. */
function errorSaid(then: Statement): string | undefined {
  const text = normalizeSpace(then.text).replace(/^\{ ?(.*?) ?\}$/, '$1');
  if (!/^return\b[^;]*;$/.test(text) || !returnsError(text)) return undefined;
  const call = /\(([\s\S]*)\)\s*;$/.exec(text);
  const message = call ? splitTopLevel(call[1]).map((a) => stringLiteralValue(a.trim())).find((v) => v !== undefined) : undefined;
  return message ?? '';
}
