import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleIds } from '../rules';
import { CONFIG_FILE_NAME, ConfigResult, EMPTY_CONFIG, parseConfig } from './config';

/** Largest config file read; anything bigger is not a hand-written config. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** What is on disk where a config file is looked for. */
export type ConfigFileText = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'unusable'; readonly problem: string };

/**
 * The one way the server and the CLI read a config file, which the workspace controls: only a regular file
 * (a symlink to `/dev/zero`, `/dev/stdin`, a FIFO or a folder is refused before anything is read), and
 * never more than MAX_CONFIG_BYTES, checked on the opened descriptor so a file swapped or growing meanwhile
 * cannot get past it. Never throws.
 */
export function readConfigFileText(file: string, options: { readonly within?: string } = {}): ConfigFileText {
  let fd: number;
  try {
    const target = options.within === undefined ? file : fs.realpathSync(file);
    if (options.within !== undefined && !isInside(target, fs.realpathSync(options.within))) {
      return { kind: 'unusable', problem: `${file} links to a file outside its folder; it is ignored.` };
    }
    // O_NONBLOCK: opening a FIFO with no writer must not hang the server.
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unusable', problem: `${file} cannot be read (${code ?? String(error)}); it is ignored.` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unusable', problem: `${file} is not a file; it is ignored.` };
    if (stat.size > MAX_CONFIG_BYTES) return { kind: 'unusable', problem: `${file} is larger than 256 KiB; it is ignored.` };
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) return { kind: 'unusable', problem: `${file} is larger than 256 KiB; it is ignored.` };
    return { kind: 'text', text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { kind: 'unusable', problem: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); it is ignored.` };
  } finally {
    fs.closeSync(fd);
  }
}

function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Reads `<folder>/.ecs-guard.json` (or an explicit file); undefined when there is none. With `within` (the
 * language server, for the workspace's file) a symlink out of that folder is refused: a workspace, trusted or
 * not, must not make the server read files elsewhere. The CLI reads the file it is given, as the user asked.
 */
export function readConfigFile(file: string, options: { readonly within?: string } = {}): ConfigResult | undefined {
  const read = readConfigFileText(file, options);
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'unusable') return { config: EMPTY_CONFIG, problems: [read.problem] };
  return parseConfig(read.text, ruleIds);
}

export function configFileIn(folder: string): string {
  return path.join(folder, CONFIG_FILE_NAME);
}
