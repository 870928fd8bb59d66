// Runs the fake GuardDuty with the demo data: `node dist/fake-guardduty/server.js [--port N] [--fault region:kind ...]`;
// `--clusters us-east-1=500,...` serves generated clusters instead, `--latency ms` delays every answer (benchmark).
import { demoSeed } from './demoSeed';
import { startFakeGuardDuty } from './fakeGuardDutyServer';
import { Fault, FAULT_KINDS, isFaultKind } from './faults';
import { generatedSeed, parseClustersPerRegion } from './generatedSeed';

async function run(args: string[]): Promise<void> {
  let port = 0;
  const faults: Fault[] = [];
  let clusters: Record<string, number> | undefined;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i] ?? '';
    if (name === '--port') port = Number(value());
    else if (name === '--fault') faults.push(parseFaultArgument(value()));
    else if (name === '--latency') faults.push({ kind: 'slow', delayMs: Number(value()) });
    else if (name === '--clusters') {
      const parsed = parseClustersPerRegion(value());
      if (typeof parsed === 'string') throw new Error(`--clusters: ${parsed}`);
      clusters = parsed;
    } else throw new Error(`unknown option ${name} (use --port N, --fault region:kind[:delayMs], --clusters region=count,..., --latency ms)`);
  }
  const fake = await startFakeGuardDuty({ regions: clusters ? generatedSeed(clusters) : demoSeed(), faults, port });
  process.stdout.write(
    [
      `fake GuardDuty listening on ${fake.url}`,
      clusters
        ? `generated clusters: ${Object.entries(clusters)
            .map(([region, count]) => `${region} ${count}`)
            .join(', ')}`
        : `regions with a detector: us-east-1, eu-west-1, ap-southeast-2; sa-east-1 has none`,
      `try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test ecs-guard coverage --region us-east-1,eu-west-1,sa-east-1 --endpoint-url ${fake.url}`,
      `faults: curl -X POST ${fake.url}/__fake/faults -d '{"kind":"throttling","region":"eu-west-1"}'`,
      '',
    ].join('\n'),
  );
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `region:kind` or `region:slow:delayMs`; `*` as the region means every region. */
function parseFaultArgument(text: string): Fault {
  const [region, kind, delay] = text.split(':');
  if (!isFaultKind(kind)) throw new Error(`unknown fault "${text}" (region:kind, kind one of ${FAULT_KINDS.join(', ')})`);
  return { kind, region: region === '*' ? undefined : region, delayMs: delay ? Number(delay) : undefined };
}

run(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`fake-guardduty: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
