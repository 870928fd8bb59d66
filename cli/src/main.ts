import { runCoverage } from './coverage/coverageCommand';
import { runLint } from './lint/lintCommand';
import { UsageError } from './usage';
import { cliVersion } from './version';

const HELP = `Usage: ecs-guard <command> [options]

Commands:
  lint [files, folders or globs ...]   Lint ECS task definitions (default: the current folder)
      --format stylish|json|sarif      Output format (default: stylish)
      --config <file>                  Config file (default: ./.ecs-guard.json when present)
      --fix                            Apply the safe fixes to the files, then report what remains
  coverage --region <r1,r2,...>        Live GuardDuty Runtime Monitoring coverage of ECS clusters, per region
      --profile <name>                 AWS profile (default: the SDK's credential chain)
      --unhealthy                      List unhealthy clusters only
      --format table|json              Output format (default: table)
      --endpoint-url <url>             Send the GuardDuty calls to this URL (a proxy or a local fake)
      --timeout <seconds>              Give up on regions still loading after this long (default: 120)

Options:
  -h, --help       Show this help
  -v, --version    Show the version

Exit codes of lint: 0 no error-severity finding, 1 an error-severity finding, 2 usage error or unreadable file.
Exit codes of coverage: 0 every region loaded, 1 a region failed (the others are still shown), 2 usage error.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await runLint(rest, io);
      case 'coverage':
        return await runCoverage(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP + '\n');
        return 0;
      case '-v':
      case '--version':
        io.stdout(`${cliVersion()}\n`);
        return 0;
      case undefined:
        io.stderr(HELP + '\n');
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ecs-guard: ${error.message}\nRun "ecs-guard --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

export interface CliIO {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours in the stylish format). */
  readonly isTTY: boolean;
}
