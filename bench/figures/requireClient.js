// Run in a fresh Node process by figures/client.ts: require()s the client bundle with a stand-in for the
// `vscode` module (only the extension host has the real one) and prints the milliseconds it took: the
// process's CPU time (every thread) and the wall time.
require('../../scripts/vscodeStandIn').installVscodeStandIn();
const cpuBefore = process.cpuUsage();
const start = performance.now();
require(process.argv[2]);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs }));
