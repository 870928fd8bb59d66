// `npm start`: every feature of ECS Guard in a browser in a minute, without an AWS account.
//
// Packages the extension, installs it into code-server (profile kept in .cache/demo), starts the bundled
// fake GuardDuty with its demo data on 127.0.0.1, points the coverage view at it and serves a fresh copy
// of examples/ on 127.0.0.1:8080 (ECS_GUARD_DEMO_PORT or PORT to change; a free port when 8080 is
// taken). Runs until Ctrl+C, then stops code-server and the fake. ECS_GUARD_DEMO_VERBOSE=1 prints their
// output.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { installExtensions, packageEcsGuard, REPO, RunningCodeServer, setUpCodeServer, startCodeServer, stopProcessGroup } from './e2e/codeServer';
import { DEMO_REGIONS, DemoWorkbench, prepareDemoWorkbench } from './e2e/demoWorkbench';

const PROFILE_DIR = path.join(REPO, '.cache/demo');
const EXAMPLES = path.join(REPO, 'examples');
/** A copy, reset at every start: quick fixes tried and saved in the demo never touch the repository. */
const WORKSPACE = path.join(PROFILE_DIR, 'examples');
const DEFAULT_PORT = 8080;
const verbose = Boolean(process.env.ECS_GUARD_DEMO_VERBOSE);

function step(message: string): void {
  console.log(`demo: ${message}`);
}

async function main(): Promise<void> {
  step('setting up code-server (cached after the first run)');
  // No Chromium: the demo is opened in the user's own browser.
  const codeServer = setUpCodeServer({ browser: false });
  step('building and packaging ECS Guard (npm run package)');
  const vsix = packageEcsGuard();

  const output: string[] = [];
  const collect = (text: string) => {
    output.push(text);
    if (verbose) process.stdout.write(text);
  };
  step('starting the fake GuardDuty');
  const workbench = await prepareDemoWorkbench(PROFILE_DIR, { onFakeOutput: collect });
  let server: RunningCodeServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    step('stopping code-server and the fake GuardDuty');
    await Promise.all([stopProcessGroup(server?.process), stopProcessGroup(workbench.fakeGuardDuty.process)]);
    process.exit(code);
  };
  // A second Ctrl+C while stopping ends this process at once; the groups already got SIGTERM.
  process.on('SIGINT', () => (stopping ? process.exit(130) : void stop(0)));
  process.on('SIGTERM', () => void stop(0));
  workbench.fakeGuardDuty.process.once('exit', () => {
    if (stopping) return;
    console.error(`demo: the fake GuardDuty stopped:\n${output.join('')}`);
    void stop(1);
  });

  try {
    step('installing the VSIX into the demo profile (.cache/demo)');
    installExtensions(codeServer, workbench.profile, [vsix], ['ecs-guard.ecs-guard'], workbench.env);
    const port = await choosePort();
    step('starting code-server');
    fs.rmSync(WORKSPACE, { recursive: true, force: true });
    fs.cpSync(EXAMPLES, WORKSPACE, { recursive: true });
    server = await startCodeServer(codeServer, workbench.profile, WORKSPACE, { port, env: workbench.env, onOutput: collect });
  } catch (error) {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}\n${output.join('')}`);
    await stop(1);
    return;
  }
  server.process.once('exit', () => {
    if (stopping) return;
    console.error(`demo: code-server stopped:\n${output.join('').slice(-4000)}`);
    void stop(1);
  });
  printGuide(server.url, workbench);
}

/** ECS_GUARD_DEMO_PORT or PORT when set (and free); otherwise 8080, or any free port when 8080 is taken. */
async function choosePort(): Promise<number> {
  const requested = process.env.ECS_GUARD_DEMO_PORT ?? process.env.PORT;
  if (requested) {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port: ${requested}`);
    if (!(await isFree(port))) throw new Error(`port ${port} on 127.0.0.1 is taken`);
    return port;
  }
  if (await isFree(DEFAULT_PORT)) return DEFAULT_PORT;
  step(`port ${DEFAULT_PORT} is taken; using a free one`);
  return 0;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function printGuide(url: string, workbench: DemoWorkbench): void {
  const fake = workbench.fakeGuardDuty.url;
  console.log(`
ECS Guard demo: open ${url} in your browser (Chromium, Chrome, Firefox).

What to look at:
  1. Open legacy-fargate.json (Ctrl+P): squiggles from every rule family. Hover over
     "privileged": true for the finding and its fix; the Problems panel (Ctrl+Shift+M) lists them all.
  2. Put the cursor on that true and press Ctrl+. : the quick fix sets "privileged": false. Other
     findings offer "Fix all", "Disable ... in .ecs-guard.json" and "Show documentation".
  3. Click the ECS Guard icon in the activity bar: GuardDuty Runtime Monitoring coverage for
     ${DEMO_REGIONS.join(', ')}, served by a local fake GuardDuty with sample data.
     Expand an unhealthy (red) cluster for its issue, matched to GuardDuty's troubleshooting case,
     with the steps to fix it; hover for details. task-execution-role-missing-cluster's issue names
     legacy-api: its Open Task Definition action opens legacy-fargate.json. sa-east-1 shows a region
     where GuardDuty is off.
  4. The same data on the command line, in another terminal:
       AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo npx ecs-guard coverage --region ${DEMO_REGIONS.slice(0, 2).join(',')} --endpoint-url ${fake}

The workspace is a copy of examples/ in .cache/demo/examples, reset at every start. Nothing leaves
this machine: code-server and the fake GuardDuty listen on 127.0.0.1 only, and the coverage view
signs its calls with fake keys. Press Ctrl+C to stop both.
`);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
