import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS as COVERAGE_COMMANDS, SETTINGS_SECTION as COVERAGE_SETTINGS_SECTION } from '../../client/src/coverageView/ids';
import { COMMANDS, REPOSITORY_URL, SETTINGS_SECTION } from '../../server/src/engine/protocol';

const ROOT = path.resolve(__dirname, '..', '..');

interface Manifest {
  readonly repository: { readonly url: string };
  readonly contributes: {
    readonly commands: { readonly command: string }[];
    readonly configuration: { readonly properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The constants the engine, the language server and the client share (engine/protocol.ts) are the ones package.json contributes. */
describe('protocol constants and package.json', () => {
  it('declares exactly the commands of engine/protocol and of the coverage view', () => {
    const declared = manifest.contributes.commands.map((entry) => entry.command).sort();
    assert.deepEqual(declared, [...Object.values(COMMANDS), ...Object.values(COVERAGE_COMMANDS)].sort());
  });

  it("puts every setting under the settings section, the coverage view's under its own part of it", () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(
      settings.filter((key) => !key.startsWith(`${SETTINGS_SECTION}.`)),
      [],
    );
    assert.ok(COVERAGE_SETTINGS_SECTION.startsWith(`${SETTINGS_SECTION}.`));
    assert.ok(settings.some((key) => key.startsWith(`${COVERAGE_SETTINGS_SECTION}.`)));
    // The language client's id is the section, which names its trace setting.
    assert.ok(settings.includes(`${SETTINGS_SECTION}.trace.server`));
  });

  it('links rule docs into the repository package.json names', () => {
    assert.equal(manifest.repository.url, REPOSITORY_URL);
  });
});
