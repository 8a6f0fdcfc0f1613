import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SchemaLayer } from '../schema/layer';
import { buildLayer } from './layer';
import { readSourceFile, type SourceVocabulary } from './readSource';

/** How much of a tree the server reads: a huge checkout is cut off, never read without end. */
export interface SourceLimits {
  /** `.c` files read per scan. */
  maxFiles: number;
  /** Larger files are skipped (generated tables, amalgamations). */
  maxFileBytes: number;
  /** A scan stops after this long; what was read by then counts. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: SourceLimits = { maxFiles: 10_000, maxFileBytes: 1_000_000, maxMillis: 60_000 };

/** Folders that hold no sources of the user's own, or copies of them. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'build-root', 'build', 'dist', 'out']);

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

export interface ScanResult {
  files: number;
  withVocabulary: number;
  stoppedBy?: string;
}

/**
 * The vocabulary of the C files under some folders, kept up to date file by file. Reading is
 * asynchronous and hands the event loop back after every file, so requests are answered meanwhile;
 * a file the reader cannot follow costs a line in the log, not the server.
 */
export class SourceIndex {
  private files = new Map<string, SourceVocabulary>();
  private version = 0;
  private current?: SchemaLayer;
  private scanTicket = 0;
  /** The scanned folder that is a whole VPP tree, if one is. */
  private sourceTree?: string;

  constructor(
    private readonly log: (message: string) => void,
    private readonly limits: SourceLimits = DEFAULT_LIMITS,
  ) {}

  /** The layer to add to the release in force, or undefined when the sources add nothing. */
  layer(): SchemaLayer | undefined {
    return this.current;
  }

  /** Reads every `.c` file under `roots` afresh (a scan under way is abandoned). */
  async scan(roots: readonly string[]): Promise<ScanResult> {
    const ticket = ++this.scanTicket;
    const found = new Map<string, SourceVocabulary>();
    const started = Date.now();
    const result: ScanResult = { files: 0, withVocabulary: 0 };
    const folders = roots.map((r) => resolve(r));
    while (folders.length > 0) {
      if (ticket !== this.scanTicket) return { ...result, stoppedBy: 'a newer scan' };
      if (result.stoppedBy) break;
      if (Date.now() - started > this.limits.maxMillis) {
        result.stoppedBy = `the limit of ${this.limits.maxMillis} ms`;
        break;
      }
      const folder = folders.pop()!;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        continue; // gone or unreadable: nothing to add
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
        else if (entry.isFile() && entry.name.endsWith('.c')) {
          if (result.files >= this.limits.maxFiles) {
            result.stoppedBy = `the limit of ${this.limits.maxFiles} files`;
            break;
          }
          result.files++;
          const read = await this.readFile(path);
          if (read) found.set(path, read);
          await nextTurn();
        }
      }
    }
    if (ticket !== this.scanTicket) return { ...result, stoppedBy: 'a newer scan' };
    result.withVocabulary = found.size;
    this.files = found;
    this.sourceTree = await findVppTree(roots.map((r) => resolve(r)));
    this.changed();
    if (result.stoppedBy) this.log(`vpp: reading C sources stopped at ${result.files} files (${result.stoppedBy}); the rest is not read.`);
    return result;
  }

  /** Reads one file again after it changed on disk (or forgets it when it is gone); true when the vocabulary changed. */
  async refresh(path: string): Promise<boolean> {
    const read = await this.readFile(path);
    const had = this.files.has(path);
    if (read) this.files.set(path, read);
    else this.files.delete(path);
    if (!read && !had) return false;
    this.changed();
    return true;
  }

  private changed(): void {
    this.version++;
    this.current = this.files.size > 0 ? buildLayer(this.files.values(), `sources-${this.version}`, this.sourceTree) : undefined;
  }

  /** The file's vocabulary; undefined when it has none, is too large, unreadable or not C the reader follows. */
  private async readFile(path: string): Promise<SourceVocabulary | undefined> {
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > this.limits.maxFileBytes) return undefined;
      const text = await fs.readFile(path, 'utf8');
      const read = readSourceFile(text, path.split('\\').join('/'));
      if (read.plugin) read.plugin.name = (await cmakePluginName(dirname(path))) ?? read.plugin.name;
      return read.commands.length || read.sections.length || read.plugin ? read : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT') this.log(`vpp: could not read ${path} as VPP C source: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

/** VPP's build names the .so: `add_vpp_plugin(linux_cp ...)` in src/plugins/linux-cp/CMakeLists.txt. */
async function cmakePluginName(folder: string): Promise<string | undefined> {
  try {
    return /\badd_vpp_plugin\s*\(\s*(\w+)/.exec(await fs.readFile(join(folder, 'CMakeLists.txt'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** A folder is a VPP tree when it has VPP's CLI itself (src/vlib/cli.c) and vnet beside it. */
async function findVppTree(folders: readonly string[]): Promise<string | undefined> {
  for (const folder of folders) {
    for (const src of [join(folder, 'src'), folder]) {
      const has = await Promise.all([join(src, 'vlib', 'cli.c'), join(src, 'vnet')].map((p) => fs.stat(p).then(() => true, () => false)));
      if (has.every(Boolean)) return folder;
    }
  }
  return undefined;
}
