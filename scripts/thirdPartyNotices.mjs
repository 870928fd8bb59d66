// Third-party notices for what the bundles inline: every npm package with a file in an esbuild metafile's inputs,
// with its version, license and license/notice texts (Apache-2.0 asks that a NOTICE file be passed on).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Where the build writes the notices; shipped in the npm package and the VSIX. */
export const NOTICES_FILE = 'dist/THIRD-PARTY-NOTICES.md';

const LICENSE_FILE = /^(licen[cs]e|notice|copying)(\.(md|txt|markdown))?$/i;

/** The package folders (relative to `root`) that the metafiles' inputs come from. */
export function bundledPackageFolders(metafiles) {
  const folders = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const parts = input.split('/');
      const last = parts.lastIndexOf('node_modules');
      if (last < 0) continue;
      const nameLength = parts[last + 1]?.startsWith('@') ? 2 : 1;
      folders.add(parts.slice(0, last + 1 + nameLength).join('/'));
    }
  }
  return [...folders];
}

/** The notices text for the given package folders; one entry per package name and version. */
export function renderNotices(packageFolders, root = process.cwd()) {
  const packages = new Map();
  for (const folder of packageFolders) {
    const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (packages.has(key)) continue;
    const licenseTexts = readdirSync(path.join(root, folder))
      .filter((name) => LICENSE_FILE.test(name))
      .sort()
      .map((name) => ({ name, text: readFileSync(path.join(root, folder, name), 'utf8').trim() }));
    packages.set(key, { name: manifest.name, version: manifest.version, license: licenseOf(manifest), repository: repositoryOf(manifest), licenseTexts });
  }
  const sorted = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const lines = [
    '# Third-party notices',
    '',
    'ECS Guard (MIT) bundles the following npm packages into its language server, command line and VS Code',
    'extension. Their licenses and notices follow.',
    '',
    '| Package | Version | License |',
    '|---|---|---|',
    ...sorted.map((pkg) => `| ${pkg.name} | ${pkg.version} | ${pkg.license} |`),
  ];
  // Dozens of packages carry the same Apache-2.0 text: each distinct text is printed once.
  const printedUnder = new Map();
  for (const pkg of sorted) {
    lines.push('', `## ${pkg.name} ${pkg.version}`, '', `License: ${pkg.license}${pkg.repository ? `. Source: ${pkg.repository}` : ''}`);
    if (pkg.licenseTexts.length === 0) {
      const sameLicense = sorted.find((other) => other.license === pkg.license && other.licenseTexts.length > 0);
      lines.push('', `The package ships no license file; its package.json declares ${pkg.license}${sameLicense ? `, whose text is given under ${sameLicense.name} ${sameLicense.version}` : ''}.`);
    }
    for (const { name, text } of pkg.licenseTexts) {
      const normalized = text.replace(/\s+/g, ' ');
      if (printedUnder.has(normalized)) {
        lines.push('', `${name}: the same text as under ${printedUnder.get(normalized)} above.`);
        continue;
      }
      printedUnder.set(normalized, `${pkg.name} ${pkg.version}`);
      lines.push('', `### ${name}`, '', '```text', text.replace(/```/g, "'''"), '```');
    }
  }
  return lines.join('\n') + '\n';
}

export function writeNotices(metafiles, root = process.cwd()) {
  writeFileSync(path.join(root, NOTICES_FILE), renderNotices(bundledPackageFolders(metafiles), root));
}

function licenseOf(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((license) => license.type ?? license).join(' OR ');
  return 'UNKNOWN';
}

function repositoryOf(manifest) {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return repository ? repository.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}
