import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

// The VSIX's README is the Marketplace page, for users; the repository's README opens with developer commands.
describe('Marketplace README', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const page = fs.readFileSync(path.join(ROOT, 'MARKETPLACE.md'), 'utf8');

  it('is what `npm run package` ships as the readme', () => {
    assert.match(manifest.scripts.package, /--readme-path MARKETPLACE\.md/);
    const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(!allowed.includes('!README.md'), 'vsce refuses README.md beside the readme it is given');
  });

  it('speaks to users: no npm ci or npm test, every section a user looks for', () => {
    assert.doesNotMatch(page, /npm ci|npm test|npm start/);
    for (const heading of ['## What it finds', '## In the editor', '## GuardDuty coverage view', '## Settings', '## The same rules in CI', '## Where it runs']) {
      assert.ok(page.includes(`\n${heading}\n`), heading);
    }
  });

  it('shows screenshots that exist, and every coverage setting', () => {
    const images = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    assert.ok(images.length >= 3);
    for (const image of images) assert.ok(fs.existsSync(path.join(ROOT, image)), image);
    const settings = Object.keys(manifest.contributes.configuration.properties).filter((key) => key.startsWith('ecsGuard.') && key !== 'ecsGuard.trace.server');
    for (const setting of settings) assert.ok(page.includes(`\`${setting}\``), setting);
  });
});
