#!/usr/bin/env node
// The language server speaks LSP over the transport its arguments name; without one it would die with a stack trace.
const args = process.argv.slice(2);
const USAGE = `Usage: ecs-guard-language-server --stdio

The ECS Guard language server for any LSP editor (Neovim, Helix, Emacs, Sublime Text, ...).
Transports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>.`;
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(require('../package.json').version + '\n');
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(arg))) {
  process.stderr.write(`ecs-guard-language-server: no transport given.\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  require('../dist/server/server.js');
}
