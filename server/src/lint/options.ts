import type { Language } from '../analysis/analyze';
import { isDirectory } from '../projectConfig';
import { isRelease, RELEASES, type VppRelease } from '../schema/types';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  format: Format;
  lang: 'auto' | Language;
  release?: VppRelease;
  stdinFilename?: string;
  maxWarnings?: number;
  quiet: boolean;
  fix: 'no' | 'write' | 'dry-run';
  config?: string;
  printConfig: boolean;
  /** `--source-root` folders, as given: they replace the config file's `sourceRoots`. */
  sourceRoots: string[];
  /** Files, folders and globs as given; `-` is standard input. */
  inputs: string[];
}

export const USAGE = `Usage: vpp-lint [options] [--] FILE|DIR|GLOB|- ...

Checks VPP startup.conf files and CLI scripts as strictly as VPP reads them.
A folder is searched recursively for VPP files, picked as the editor picks them: by name
(startup.conf, *.startup.conf, *.vpp, setup.gate, *.conf and *.cli under a vpp/ folder), else by
content (*.conf, *.cfg, *.ini, *.txt, ... that clearly are VPP). Quote globs: 'deploy/**/*.vpp'.

Options:
  --format F            text (default): file:line:col: severity code message, sorted by file and position;
                        json: one JSON array (README); sarif: SARIF 2.1.0; github: workflow commands that
                        annotate a GitHub Actions run; checkstyle: Checkstyle XML
  --lang L              auto (default) decides by file name, then by content; startup; cli
  --vpp-version X       one of ${RELEASES.join(', ')} (default: the config file's, else ${RELEASES[RELEASES.length - 1]});
                        a "# vpp-version: X" comment in a file wins
  --source-root DIR     a folder of C sources (your plugin, or a VPP tree) whose VLIB_CLI_COMMAND,
                        VLIB_CONFIG_FUNCTION and VLIB_PLUGIN_REGISTER add commands and sections; may be
                        given more than once (default: the config file's sourceRoots, else none)
  --stdin-filename NAME the name to report standard input (-) under; it decides the language
  --max-warnings N      exit 1 when there are more than N warnings
  --quiet               report errors only
  --fix                 apply the fixes that have one right answer (af-xdp -> af_xdp, a did-you-mean
                        with one candidate, heapsize 1G -> memory { main-heap-size 1G } from 26.02)
                        and report what is left; nothing else is changed
  --fix-dry-run         the same, without writing the files
  --config FILE         the config file to use instead of the nearest ${'.vpp-lint.json'} above each file
  --print-config FILE   print the settings in force for FILE as JSON and exit
  --version             print vpp-lint's version
  -h, --help            print this help
  --                    end of options: every later argument is a file

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, config or read error.`;

export class UsageError extends Error {}

const FLAGS_WITH_VALUES = new Set(['--format', '--lang', '--vpp-version', '--stdin-filename', '--max-warnings', '--config', '--source-root']);

export function parseArgs(argv: readonly string[]): LintOptions | 'help' | 'version' {
  const options: LintOptions = { format: 'text', lang: 'auto', quiet: false, fix: 'no', printConfig: false, sourceRoots: [], inputs: [] };
  let endOfOptions = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (endOfOptions || arg === '-' || !arg.startsWith('-')) {
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    let value = '';
    if (FLAGS_WITH_VALUES.has(flag)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      value = v;
    } else if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    switch (flag) {
      case '--':
        endOfOptions = true;
        break;
      case '-h':
      case '--help':
        return 'help';
      case '--version':
        return 'version';
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${value}`);
        options.format = value as Format;
        break;
      case '--lang':
        if (value !== 'auto' && value !== 'startup' && value !== 'cli') throw new UsageError(`--lang must be auto, startup or cli, not ${value}`);
        options.lang = value;
        break;
      case '--vpp-version':
        if (!isRelease(value)) throw new UsageError(`--vpp-version must be one of ${RELEASES.join(', ')}, not ${value}`);
        options.release = value;
        break;
      case '--stdin-filename':
        options.stdinFilename = value;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, not ${value}`);
        options.maxWarnings = Number(value);
        break;
      case '--config':
        options.config = value;
        break;
      case '--source-root':
        if (!isDirectory(value)) throw new UsageError(`--source-root ${value} is not a folder`);
        options.sourceRoots.push(value);
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--fix':
        options.fix = 'write';
        break;
      case '--fix-dry-run':
        options.fix = 'dry-run';
        break;
      case '--print-config':
        options.printConfig = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (options.inputs.length === 0) throw new UsageError('no file given');
  if (options.printConfig && options.inputs.length !== 1) throw new UsageError('--print-config takes one file');
  const stdin = options.inputs.filter((f) => f === '-').length;
  if (stdin > 1) throw new UsageError('- (standard input) can be given once');
  if (options.stdinFilename !== undefined && stdin === 0) throw new UsageError('--stdin-filename names standard input, given as -');
  if (stdin > 0 && options.fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run');
  return options;
}
