import { parseArgs, ParseArgsConfig } from 'node:util';

/**
 * The brand of a UsageError. Each command is a bundle of its own (dist/cli/lint.js, coverage.js), each with its
 * own copy of this class, so `instanceof` would miss an error thrown by a command: `isUsageError` checks this.
 */
const USAGE_ERROR = Symbol.for('ecs-guard.UsageError');

/** A problem with how the command was called: exit code 2 with a clear message and where to find the usage. */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** The command whose help to point at ("lint", "coverage"), or undefined for the top-level help. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Whether `error` is a UsageError, from this copy of the class or another bundle's. */
export function isUsageError(error: unknown): error is UsageError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[USAGE_ERROR] === true;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParsedCommandLine<T extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/**
 * `node:util` parseArgs (`--name value`, `--name=value`, `-n value`, `--` ends the options, a lone `-` is a
 * positional), with its errors turned into short usage errors for the given command.
 */
export function parseCommandLine<T extends OptionsConfig>(args: string[], options: T, command: string): ParsedCommandLine<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error, args), command);
  }
}

function parseErrorMessage(error: unknown, args: readonly string[]): string {
  const { code, message } = error as { code?: string; message: string };
  // "Option '-f, --format <value>' argument missing": the long name when there is one.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message)) return `option ${option} takes no value`;
      if (/ambiguous/.test(message)) return `option ${option} needs a value; write ${option}=-value for one that starts with "-"`;
      return `option ${option} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument in "${args.join(' ')}"`;
    default:
      return message;
  }
}

/** A non-negative whole number given to an option, or a usage error naming the option. */
export function wholeNumberOption(value: string | undefined, option: string, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} needs a whole number, got "${value}"`, command);
  return Number(value);
}

/** One of the allowed values, or a usage error listing them. */
export function choiceOption<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string, command: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}" (use ${allowed.join(', ')})`, command);
  return value as T;
}
