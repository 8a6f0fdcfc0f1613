/**
 * Runs the shell steps of a composite GitHub Action (action.yml) the way a runner does: each `run` in
 * `bash --noprofile --norc -eo pipefail`, with `${{ inputs.NAME }}` filled from the given inputs or
 * their defaults, GITHUB_ACTION_PATH set to the action's folder, stopping at the first failing step.
 * Used by test/action.test.ts and, on a fresh clone, by tools/ci/hooks.sh.
 *
 *   npx tsx tools/ci/runAction.ts ACTION_DIR WORKDIR [name=value ...]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

interface ActionStep {
  name?: string;
  run?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
}

interface Action {
  inputs?: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  steps: string[];
}

function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '');
}

export function runAction(actionDir: string, workdir: string, given: Record<string, string> = {}, env: NodeJS.ProcessEnv = process.env): ActionRun {
  const action = load(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as Action;
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = given[name] ?? spec.default ?? '';
  for (const name of Object.keys(given)) if (!(name in inputs)) throw new Error(`action.yml has no input ${name}`);
  const out: ActionRun = { status: 0, stdout: '', stderr: '', steps: [] };
  for (const step of action.runs.steps) {
    if (!step.run) throw new Error(`step ${step.name ?? step.uses} is not a shell step: only shell steps can be run here`);
    if (step.shell !== 'bash') throw new Error(`step ${step.name} must say shell: bash`);
    const stepEnv: NodeJS.ProcessEnv = { ...env, GITHUB_ACTION_PATH: actionDir, GITHUB_ACTIONS: 'true' };
    for (const [key, value] of Object.entries(step.env ?? {})) stepEnv[key] = expand(String(value), inputs);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], { cwd: workdir, env: stepEnv, encoding: 'utf8' });
    out.steps.push(step.name ?? step.run);
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    out.status = r.status ?? 1;
    if (out.status !== 0) break;
  }
  return out;
}

if (process.argv[1]?.endsWith('runAction.ts')) {
  const [actionDir, workdir, ...pairs] = process.argv.slice(2);
  const given = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const r = runAction(actionDir, workdir, given);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.status;
}
