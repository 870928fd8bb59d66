import { COVERAGE_HELP, HELP, LINT_HELP } from './help';
import { isUsageError, UsageError } from './usage';
import { cliVersion } from './version';

const COMMANDS: Record<string, { readonly run: (args: string[], io: CliIO) => Promise<number>; readonly help: string }> = {
  // Each command's code is loaded when it runs: `lint` never needs the AWS SDK (most of the bundle), nor
  // `coverage` the rule engine. In the bundle they stay unevaluated until then.
  // (require, not import(): the bundle is CommonJS, and tests run the sources as CommonJS too.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs (see above)
  lint: { run: (args, io) => (require('./lint/lintCommand') as typeof import('./lint/lintCommand')).runLint(args, io), help: LINT_HELP },
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when the command runs (see above)
  coverage: { run: (args, io) => (require('./coverage/coverageCommand') as typeof import('./coverage/coverageCommand')).runCoverage(args, io), help: COVERAGE_HELP },
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const known = command === undefined ? undefined : Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (known) {
      if (asksForHelp(rest)) {
        io.stdout(known.help + '\n');
        return 0;
      }
      return await known.run(rest, io);
    }
    switch (command) {
      case '-h':
      case '--help':
      case 'help': {
        const topic = rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]].help : HELP;
        io.stdout(topic + '\n');
        return 0;
      }
      case '-v':
      case '--version':
        io.stdout(`${cliVersion()}\n`);
        return 0;
      case undefined:
        io.stderr(HELP + '\n');
        return 2;
      default:
        throw new UsageError(`unknown command "${command}" (use lint or coverage)`);
    }
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`ecs-guard: ${error.message}\nRun "ecs-guard ${error.command ? `${error.command} ` : ''}--help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

/** `-h` or `--help` among the options (not after `--`, where it would be a file name). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}

export interface CliIO {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal: a clean lint run then says so in one line. */
  readonly isTTY: boolean;
  /** Colours in the stylish and table formats; default: isTTY. */
  readonly color?: boolean;
  /** The whole of standard input, for `ecs-guard lint -`. */
  readStdin?(): Promise<string>;
}
