import { formatBytes, LINTED_FILE_EXTENSIONS, MAX_FILE_BYTES } from './lint/lintedFiles';

export const HELP = `Usage: ecs-guard <command> [options]

Commands:
  lint [files, folders or globs ...]   Lint ECS task definitions (default: the current folder)
  coverage --region <r1,r2,...>        Live GuardDuty Runtime Monitoring coverage of ECS clusters, per region

Options:
  -h, --help       Show this help; "ecs-guard lint --help" and "ecs-guard coverage --help" show each command's
  -v, --version    Show the version`;

export const LINT_HELP = `Usage: ecs-guard lint [options] [files, folders or globs ...]
       ecs-guard lint [options] - --stdin-filename <path>

Lints ECS task definitions and the task definitions in CloudFormation templates. Folders are searched for
${LINTED_FILE_EXTENSIONS.map((extension) => `*${extension}`).join(', ')} files whose content is one (node_modules, .git, dist,
out and symbolic links are skipped); files named explicitly are linted even when broken. Default: the
current folder.

Output:
  -f, --format <name>          stylish (default), json, sarif, github (workflow annotations) or junit
  -o, --output-file <file>     Write the report to a file instead of standard output
  -q, --quiet                  Report errors only (info and warning findings are left out, and do not fail)
      --sarif-root <folder>    Folder SARIF and github paths are relative to (default: the git root, else .)

Gating:
      --fail-on <severity>     Exit 1 when a finding has this severity or a stronger one:
                               error (default), warning, info, or none
      --max-warnings <n>       Exit 1 when there are more than n warnings

Rules and configuration:
  -c, --config <file>          Config file (default: ./.ecs-guard.json when present)
      --rule <id=severity>     Override a rule's severity (off, info, warning, error); repeatable
      --list-rules             List the rules: id, severity (after config and --rule), what each enforces

Input:
  -                            Read the text to lint from standard input
      --stdin-filename <path>  Name of the standard input text, for messages and the config's globs

Performance:
      --concurrency <n>        Threads that lint: auto (default: one per 1,000 files, up to the idle cores),
                               off, or a number (--fix: one); the report is the same whatever the number

Fixes:
      --fix                    Apply the safe fixes to the files, then report what remains; each changed
                               file is named on standard error with its fixes per rule
      --fix-through-symlinks   Also write files that symbolic links lead to outside the paths given

Files larger than ${formatBytes(MAX_FILE_BYTES)} are refused.

Exit codes:
  0  no finding fails the gate (by default: no error-severity finding)
  1  a finding reaches --fail-on (default error), or more warnings than --max-warnings
  2  usage error, or a file (or a folder named here) that could not be read, written or linted; the others
     are still linted. An unreadable folder inside another is only a warning.`;

export const COVERAGE_HELP = `Usage: ecs-guard coverage --region <r1,r2,...> [options]

Shows the live GuardDuty Runtime Monitoring coverage of your ECS clusters, per region. Only read-only calls are
made: guardduty:ListDetectors, guardduty:ListCoverage, guardduty:GetCoverageStatistics.

Options:
  -r, --region <r1,r2,...>     Regions to load (required; repeatable)
      --profile <name>         AWS profile (default: the SDK's credential chain)
      --unhealthy              List unhealthy clusters only
  -f, --format <name>          table (default) or json
      --endpoint-url <url>     Send the GuardDuty calls to this URL (a proxy or a local fake)
      --timeout <seconds>      Give up on regions still loading after this long (default: 120)

Exit codes:
  0  every region loaded
  1  a region failed (the others are still shown)
  2  usage error`;
