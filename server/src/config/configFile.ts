import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleIds } from '../rules';
import { CONFIG_FILE_NAME, ConfigResult, EMPTY_CONFIG, parseConfig } from './config';

/** Largest config file read; anything bigger is not a hand-written config. */
const MAX_CONFIG_BYTES = 256 * 1024;

/** Reads `<folder>/.ecs-guard.json` (or an explicit file); undefined when there is none. */
export function readConfigFile(file: string): ConfigResult | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return { config: EMPTY_CONFIG, problems: [`${file} is not a file; it is ignored.`] };
  if (stat.size > MAX_CONFIG_BYTES) return { config: EMPTY_CONFIG, problems: [`${file} is larger than 256 KiB; it is ignored.`] };
  return parseConfig(fs.readFileSync(file, 'utf8'), ruleIds);
}

export function configFileIn(folder: string): string {
  return path.join(folder, CONFIG_FILE_NAME);
}
