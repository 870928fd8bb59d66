// The CLI row's floor, run as its own Node process like the CLI: read every .json file of a directory and
// parseTree it, nothing else.
const fs = require('node:fs');
const path = require('node:path');
const { parseTree } = require('jsonc-parser');

const dir = process.argv[2];
let nodes = 0;
for (const name of fs.readdirSync(dir)) {
  if (!name.endsWith('.json')) continue;
  const errors = [];
  const root = parseTree(fs.readFileSync(path.join(dir, name), 'utf8'), errors, { disallowComments: true });
  if (root) nodes++;
}
process.stdout.write(`${nodes}\n`);
