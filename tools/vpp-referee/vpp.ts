/**
 * One VPP, built from source elsewhere (`VPP_BUILD`), run as the referee: no hugepages, no DPDK, no
 * NICs, inside a network namespace of its own with a veth pair, answering lines through `vppctl exec`.
 * Needs root (network namespaces, taps). Nothing of VPP is kept but what it printed.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX } from './samples';

const RUN = join(SANDBOX.folder, 'run');
const CLI_SOCKET = join(RUN, 'cli.sock');
const LINE_FILE = join(SANDBOX.folder, 'line.vpp');

/** Lines run after each start so that generated lines find what they name. */
const SETUP = ['create loopback interface', 'create loopback interface', 'set interface state loop0 up'];

export interface VppBuild {
  vpp: string;
  vppctl: string;
  libDir: string;
  pluginDir: string;
}

/** Whether the build has a plugin (af_xdp needs libxdp at build time, for one). */
export function hasPlugin(build: VppBuild, plugin: string): boolean {
  return existsSync(join(build.pluginDir, `${plugin}_plugin.so`));
}

export function findBuild(root: string): VppBuild {
  const libDir = join(root, 'lib', 'x86_64-linux-gnu');
  const build = { vpp: join(root, 'bin', 'vpp'), vppctl: join(root, 'bin', 'vppctl'), libDir, pluginDir: join(libDir, 'vpp_plugins') };
  for (const p of Object.values(build)) if (!existsSync(p)) throw new Error(`not a VPP build folder (missing ${p}): set VPP_BUILD to the cmake build folder`);
  return build;
}

function sh(cmd: string, args: string[]): void {
  spawnSync(cmd, args, { stdio: 'ignore' });
}

/** The namespace and its veth pair; `vref1` is the Linux interface host-interface and af_xdp lines attach to. */
export function prepareNamespace(): void {
  sh('ip', ['netns', 'del', SANDBOX.netns]);
  execFileSync('ip', ['netns', 'add', SANDBOX.netns]);
  execFileSync('ip', ['-n', SANDBOX.netns, 'link', 'add', 'vref0', 'type', 'veth', 'peer', 'name', 'vref1']);
  for (const dev of ['lo', 'vref0', 'vref1']) execFileSync('ip', ['-n', SANDBOX.netns, 'link', 'set', dev, 'up']);
}

export function removeNamespace(): void {
  sh('ip', ['netns', 'del', SANDBOX.netns]);
}

/**
 * The referee's own startup.conf, with a fragment under test merged in: a fragment of a section the
 * base already has goes inside that section (VPP reads each section once).
 */
export function startupConf(build: VppBuild, fragment = '', enable: readonly string[] = []): string {
  const sections = baseSections(build, enable);
  const m = /^(\S+)\s*\{([\s\S]*)\}\s*$/.exec(fragment.trim());
  let extra = fragment;
  if (m && sections.has(m[1])) {
    sections.set(m[1], `${sections.get(m[1])} ${m[2].trim()}`);
    extra = '';
  }
  return `${[...sections].map(([name, body]) => `${name} { ${body} }`).join('\n')}\n${extra}\n`;
}

/** Sections of the referee's own startup.conf, which a fragment of the same name is merged into. */
export const BASE_SECTIONS = ['unix', 'api-segment', 'socksvr', 'statseg', 'memory', 'buffers', 'plugins'];

/** Plugins disabled by default that the referee's VPP loads all the same. */
export const REFEREE_ENABLES = ['linux_cp', 'linux_nl'];

function baseSections(build: VppBuild, enable: readonly string[]): Map<string, string> {
  const enabled = [...REFEREE_ENABLES, ...enable].map((p) => `plugin ${p}_plugin.so { enable }`).join(' ');
  return new Map<string, string>([
    ['unix', `nodaemon cli-listen ${CLI_SOCKET} runtime-dir ${RUN}`],
    ['api-segment', 'prefix vpp-referee'],
    ['socksvr', `socket-name ${RUN}/api.sock`],
    ['statseg', `socket-name ${RUN}/stats.sock`],
    ['memory', 'main-heap-size 512M main-heap-page-size 4k'],
    ['buffers', 'buffers-per-numa 16384 page-size 4k'],
    ['plugins', `path ${build.pluginDir} plugin dpdk_plugin.so { disable } ${enabled}`],
  ]);
}

export class Vpp {
  private process?: ChildProcess;
  version = '';
  /** The interfaces the sandbox has after each start (`loop0`, `loop1`, `local0`). */
  baseline: ReadonlySet<string> = new Set<string>();
  /** What VPP printed on stdout and stderr since it started. */
  private stdout = '';

  constructor(private readonly build: VppBuild) {}

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, LD_LIBRARY_PATH: this.build.libDir };
  }

  async start(): Promise<void> {
    const outcome = await this.launch('', 60_000);
    if (outcome.verdict !== 'started') throw new Error(`VPP did not start (${outcome.verdict}): ${outcome.output}`);
    for (const line of SETUP) await this.run(line);
    this.baseline = new Set(this.interfaces());
  }

  /**
   * Starts VPP with a startup.conf fragment merged into the referee's own: `started` when its CLI
   * answers, `exited` with what it printed when it stops first (a parse error in the fragment).
   * stdin stays open: VPP quits when its terminal CLI reads end of file.
   */
  async launch(fragment: string, timeoutMs: number, enable: readonly string[] = []): Promise<{ verdict: 'started' | 'exited' | 'timeout'; output: string }> {
    this.stop();
    rmSync(RUN, { recursive: true, force: true });
    mkdirSync(RUN, { recursive: true });
    const conf = join(SANDBOX.folder, 'startup.conf');
    writeFileSync(conf, startupConf(this.build, fragment, enable));
    // a script's error messages go to VPP's stdout (exec runs lines with no CLI output function):
    // line-buffered so that each line's answer arrives with it
    const child = spawn('ip', ['netns', 'exec', SANDBOX.netns, 'stdbuf', '-oL', '-eL', this.build.vpp, '-c', conf], {
      env: this.env(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.process = child;
    this.stdout = '';
    child.stdout!.on('data', (d) => (this.stdout += d));
    child.stderr!.on('data', (d) => (this.stdout += d));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode !== null || child.signalCode !== null) {
        await new Promise((r) => setTimeout(r, 50));
        return { verdict: 'exited', output: this.stdout };
      }
      if (!existsSync(CLI_SOCKET)) continue;
      const version = this.ctl(['show', 'version']);
      if (version.ok && /vpp/.test(version.out)) {
        this.version = version.out.trim();
        return { verdict: 'started', output: this.stdout };
      }
    }
    this.stop();
    return { verdict: 'timeout', output: this.stdout };
  }

  stop(): void {
    if (this.process && this.process.exitCode === null) {
      try {
        process.kill(-this.process.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    this.process = undefined;
  }

  get alive(): boolean {
    return !!this.process && this.process.exitCode === null && this.process.signalCode === null;
  }

  private ctl(args: string[], timeoutMs = 10_000): { ok: boolean; out: string; timedOut: boolean } {
    const r = spawnSync(this.build.vppctl, ['-s', CLI_SOCKET, ...args], { env: this.env(), encoding: 'utf8', timeout: timeoutMs });
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    return { ok: r.status === 0 && !r.error, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, timedOut };
  }

  /**
   * Runs text as a script (`exec FILE`), the way `unix { startup-config }` and `vppctl exec` read it,
   * and returns what the session and VPP's stdout printed.
   */
  async run(text: string): Promise<{ out: string; timedOut: boolean }> {
    writeFileSync(LINE_FILE, text.endsWith('\n') ? text : `${text}\n`);
    const before = this.stdout.length;
    const r = this.ctl(['exec', LINE_FILE]);
    await new Promise((resolve) => setTimeout(resolve, 15));
    return { out: `${this.stdout.slice(before)}${r.out}`, timedOut: r.timedOut };
  }

  /** Runs one command the way an interactive `vppctl COMMAND` does. */
  async direct(command: string): Promise<{ out: string; timedOut: boolean }> {
    const before = this.stdout.length;
    const r = this.ctl(command.split(/\s+/));
    await new Promise((resolve) => setTimeout(resolve, 15));
    return { out: `${this.stdout.slice(before)}${r.out}`, timedOut: r.timedOut };
  }

  /**
   * Runs a line again while a loopback bears `name`, or returns undefined when VPP will not give an
   * interface that name (a number, an existing name, a word it cannot take).
   */
  async withInterfaceNamed(name: string | undefined, line: string): Promise<{ out: string; timedOut: boolean } | undefined> {
    if (!name || !/^[A-Za-z][\w\-/.:]*$/.test(name) || this.baseline.has(name)) return undefined;
    const renamed = await this.run(`set interface name loop1 ${name}`);
    if (/CLI line error/.test(renamed.out) || !this.interfaces().includes(name)) return undefined;
    const answer = await this.run(line);
    await this.run(`set interface name ${name} loop1`);
    return answer;
  }

  interfaces(): string[] {
    const out = this.ctl(['show', 'interface']).out;
    return [...out.matchAll(/^(\S+)\s+\d+\s+(?:up|down)\b/gm)].map((m) => m[1]).filter((n) => n !== 'Name');
  }

  /**
   * Deletes interfaces a line created, so the next line starts from the same state; false when it
   * cannot, or when the line deleted one the sandbox made (then VPP is started afresh).
   */
  async restore(): Promise<boolean> {
    const extra = this.interfaces().filter((n) => !this.baseline.has(n));
    for (const name of extra.reverse()) {
      const del = deleteCommandFor(name);
      if (del) await this.run(del);
    }
    const now = new Set(this.interfaces());
    return now.size === this.baseline.size && [...this.baseline].every((n) => now.has(n));
  }
}

function deleteCommandFor(name: string): string | undefined {
  if (name.includes('.')) return `delete sub-interface ${name}`;
  if (/^loop\d+$/.test(name)) return `delete loopback interface intfc ${name}`;
  if (/^tap\d+$/.test(name)) return `delete tap ${name}`;
  if (name.startsWith('host-')) return `delete host-interface name ${name.slice(5)}`;
  if (/^memif\d+\/\d+$/.test(name)) return `delete interface memif ${name}`;
  if (name.startsWith('VirtualEthernet')) return `delete vhost-user ${name}`;
  return `delete interface af_xdp ${name}`;
}

/** Files VPP left in the scratch folder (vhost-user and memif sockets) that a later line would trip on. */
export function clearScratch(): void {
  if (!existsSync(SANDBOX.folder)) return;
  for (const f of readdirSync(SANDBOX.folder)) if (f.startsWith('sock')) rmSync(join(SANDBOX.folder, f), { force: true });
}
