import { readFileSync } from 'node:fs';
import { headCut } from '../server/src/analysis/scriptHead';
import { LspClient } from '../test/lspClient';

/**
 * Drives a language server over stdio the way an editor does (open, type, ask for completion and
 * hover) and times each exchange from the moment the message is written until the answer, or the
 * diagnostics for that document version, has been read back.
 */
export class LspTimer {
  readonly client: LspClient;
  private version = new Map<string, number>();

  /**
   * `headFirst`: the server publishes a large script's head before the whole script (scriptHead.ts);
   * false for a build from before that, which publishes once.
   */
  constructor(serverPath: string, nodeArgs: readonly string[] = [], private readonly headFirst = true) {
    this.client = new LspClient(serverPath, nodeArgs);
  }

  get pid(): number {
    return this.client.child.pid!;
  }

  /** Resident memory of the server now, in MB (Linux `VmRSS`). */
  rssMb(): number {
    return this.statusMb('VmRSS');
  }

  /** Peak resident memory of the server so far, in MB (Linux `VmHWM`). */
  peakRssMb(): number {
    return this.statusMb('VmHWM');
  }

  /** A memory figure of the server's `/proc/<pid>/status`, in MB. */
  private statusMb(field: 'VmRSS' | 'VmHWM'): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  }

  async initialize(): Promise<number> {
    const t = performance.now();
    await this.client.initialize({
      workspace: { configuration: true },
      // what VS Code's client (vscode-languageclient 9) declares for completion and hover
      textDocument: {
        completion: {
          completionItem: { snippetSupport: true, documentationFormat: ['markdown'] },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
        hover: { contentFormat: ['markdown'] },
      },
    });
    return performance.now() - t;
  }

  /** Milliseconds from `didOpen` until the diagnostics of the whole opened version arrive. */
  async open(uri: string, languageId: string, text: string, timeoutMs = 120_000): Promise<number> {
    return (await this.openTimed(uri, languageId, text, timeoutMs)).whole;
  }

  /**
   * Milliseconds from `didOpen` until the first diagnostics of the opened version arrive (a large
   * script's head) and until those of the whole version do (the same for a document without a head).
   */
  async openTimed(uri: string, languageId: string, text: string, timeoutMs = 120_000): Promise<{ first: number; whole: number }> {
    this.version.set(uri, 1);
    const t = performance.now();
    const published = this.published(uri, 1);
    const headFirst = this.headFirst && languageId === 'vpp-cli' && headCut(text) !== undefined;
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await this.client.waitFor('textDocument/publishDiagnostics', published, timeoutMs);
    const first = performance.now() - t;
    if (!headFirst) return { first, whole: first };
    let seen = 0;
    await this.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1 && ++seen === 2, timeoutMs);
    return { first, whole: performance.now() - t };
  }

  /** Milliseconds from an incremental `didChange` until the diagnostics of that version arrive. */
  async change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string, timeoutMs = 120_000): Promise<number> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    const t = performance.now();
    const published = this.published(uri, version);
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    await this.client.waitFor('textDocument/publishDiagnostics', published, timeoutMs);
    return performance.now() - t;
  }

  /** Sends an incremental `didChange` without waiting for its diagnostics (a request after it waits for the analysis). */
  editNoWait(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    this.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /**
   * Matches the diagnostics of a version. A server that does not say which version it analysed
   * (the Dockerfile server) answers each change in turn, so its next publication counts.
   */
  private published(uri: string, version: number): (p: { uri: string; version?: number }) => boolean {
    const before = this.client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length;
    let seen = 0;
    return (p) => p.uri === uri && (p.version === version || (p.version === undefined && ++seen > before));
  }

  async request(method: string, params: unknown): Promise<number> {
    const t = performance.now();
    await this.client.request(method, params);
    return performance.now() - t;
  }

  close(uri: string): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri } });
    // the client keeps every notification; forget those of a closed document
    const kept = this.client.notifications.filter((n) => n.params?.uri !== uri);
    this.client.notifications.length = 0;
    this.client.notifications.push(...kept);
  }

  async shutdown(): Promise<void> {
    await Promise.race([this.client.shutdown(), new Promise((r) => setTimeout(r, 5000))]);
    this.client.kill();
  }
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
