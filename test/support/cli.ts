import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/src/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** What standard input holds, for `lint -`. */
  readonly stdin?: string;
  /** Run as if standard output were a terminal (without colours). */
  readonly terminal?: boolean;
}

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function runCli(args: string[], cwd: string, options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    isTTY: options.terminal ?? false,
    color: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

/** A temporary folder with the given files (path → content); removed by the returned cleanup. */
export function tempWorkspace(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
