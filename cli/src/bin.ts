import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// A run of the CLI is short: most of a lint passes while V8 is still compiling the rules, and TurboFan's compile
// jobs grow with what they inline. Inlining less (a budget of 100 bytecodes per function instead of 920) lints
// 1,000 files about 5% sooner and 10,000 files 13% sooner, for 7% more time per file once all is compiled: a loss
// only past some hundred thousand files (bench/README.md). Set before the command's bundle loads, so that its
// code cache is made and read under the same flags. The language server keeps V8's defaults.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');

// The AWS SDK warns on every run that its releases after January 2027 need Node 22; we support Node 20 and own
// this process, so the nine lines of warning would only bury the output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const terminal = Boolean(process.stdout.isTTY);

// `ecs-guard lint -f json | head`: the reader may close the pipe before the report is written. As other Unix
// tools do, the run then stops writing, without a stack trace, and keeps its exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: terminal,
  color: terminal && !process.env.NO_COLOR,
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ecs-guard: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
