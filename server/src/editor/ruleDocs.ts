import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reads the "## Fix" section of `docs/rules/<id>.md` at run time, so hovers say what the docs say.
 * The docs folder is found by walking up from this file: `server/src/editor` when run from sources
 * (tests), `dist/server` when bundled. Both the folder and each section are cached.
 */
export class RuleDocs {
  private rulesFolder: string | null | undefined;
  private readonly fixSections = new Map<string, string | undefined>();

  constructor(private readonly startFolder: string = __dirname) {}

  /** The text of the rule's "## Fix" section, or undefined when there is no page or no such section. */
  fixSection(ruleId: string): string | undefined {
    if (!this.fixSections.has(ruleId)) this.fixSections.set(ruleId, this.readFixSection(ruleId));
    return this.fixSections.get(ruleId);
  }

  /** The whole page, or undefined when there is none (the SARIF output's rule help). */
  page(ruleId: string): string | undefined {
    // Rule ids are kebab-case; anything else must not become a path.
    if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
    const folder = this.folder();
    if (!folder) return undefined;
    try {
      return fs.readFileSync(path.join(folder, `${ruleId}.md`), 'utf8');
    } catch {
      return undefined;
    }
  }

  private readFixSection(ruleId: string): string | undefined {
    const page = this.page(ruleId);
    return page === undefined ? undefined : sectionOf(page, 'Fix');
  }

  private folder(): string | undefined {
    if (this.rulesFolder === undefined) this.rulesFolder = findRulesFolder(this.startFolder) ?? null;
    return this.rulesFolder ?? undefined;
  }
}

function findRulesFolder(start: string): string | undefined {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** The body of the `## <heading>` section, up to the next heading of level 2 or higher. */
export function sectionOf(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^#{1,2}\s/.test(line));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  return body || undefined;
}
