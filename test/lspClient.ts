import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A minimal LSP client over stdio, speaking to `dist/server.js --stdio` as an editor would. */
export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((msg: { method: string; params: any }) => void)[] = [];
  readonly notifications: { method: string; params: any }[] = [];
  stderr = '';
  /** What the client answers to `workspace/configuration` for the `vpp` section: the settings the user set. */
  settings: Record<string, unknown> = { diagnostics: { delayMs: 0 } };

  /** `nodeArgs` go to Node before the script, such as `--max-old-space-size=128`. */
  constructor(serverPath = join(import.meta.dirname, '..', 'dist', 'server.js'), nodeArgs: readonly string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(body);
    }
  }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && !msg.method) {
      const waiter = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) waiter?.reject(new Error(msg.error.message));
      else waiter?.resolve(msg.result);
    } else if (msg.id !== undefined && msg.method) {
      // a request from the server (workspace/configuration, ...): answer with nothing special
      this.write({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => this.settings) : null });
      // kept with the notifications, so that a test can wait for one (client/registerCapability)
      this.notifications.push(msg);
      for (const l of this.listeners) l(msg);
    } else {
      this.notifications.push(msg);
      for (const l of this.listeners) l(msg);
    }
  }

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a notification that satisfies `match`, including one already received. */
  waitFor(method: string, match: (params: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
    const seen = this.notifications.find((n) => n.method === method && match(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push((n) => {
        if (n.method === method && match(n.params)) {
          clearTimeout(timer);
          resolve(n.params);
        }
      });
    });
  }

  /** `params` adds to (or replaces) the initialize parameters, e.g. `workspaceFolders`. */
  async initialize(capabilities: unknown = { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } }, params: object = {}): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, ...params });
    this.notify('initialized', {});
    return result;
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  kill(): void {
    this.child.kill();
  }
}

/** dist/server.js, built by `npm run build`. */
export const SERVER = join(import.meta.dirname, '..', 'dist', 'server.js');

/**
 * A fresh server for each test of the calling `describe`, killed after it; the holder's `client`
 * is the current one.
 */
export function serverPerTest(): { client: LspClient } {
  const holder = {} as { client: LspClient };
  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  });
  beforeEach(() => {
    holder.client = new LspClient(SERVER);
  });
  afterEach(() => holder.client.kill());
  return holder;
}
