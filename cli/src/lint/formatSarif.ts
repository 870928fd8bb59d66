import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRuleMetas, ruleDocsUrl, RuleDocs, Severity } from '../../../server/src/engine';
import { toPosix } from './files';
import { LintRun, toOutputFinding } from './report';
import { SARIF_LEVEL, sarifRule } from './sarifRules';

export interface SarifOptions {
  readonly version: string;
  /** The repository root: artifact URIs are relative to it, under `%SRCROOT%`. */
  readonly root: string;
  readonly docs?: RuleDocs;
}

const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning wants it: every rule with its help and security severity, results with
 * root-relative URIs and partial fingerprints, and the files that could not be linted as tool notifications.
 */
export function formatSarif(run: LintRun, options: SarifOptions): string {
  const docs = options.docs ?? new RuleDocs();
  const ruleIndex = new Map(allRuleMetas.map((meta, index) => [meta.id, index]));
  const locate = (absolutePath: string) => artifactLocation(absolutePath, options.root);
  const results = run.reports.flatMap((report) => {
    const occurrences = new Map<string, number>();
    return report.findings.map((finding) => {
      const f = toOutputFinding(report.file, finding);
      // Stable under edits elsewhere in the file: the rule and the JSON path, not the line (counted when repeated).
      const key = `${f.ruleId}\u0000${JSON.stringify(f.path)}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      return {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: SARIF_LEVEL[f.severity as Severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: locate(report.absolutePath),
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
            logicalLocations: [{ fullyQualifiedName: jsonPathName(f.path), kind: 'member' }],
          },
        ],
        partialFingerprints: { 'ecsGuardFindingHash/v1': `${sha256(key).slice(0, 32)}:${occurrence}` },
      };
    });
  });
  const notifications = run.notices.map((notice) => ({
    level: notice.level,
    message: { text: notice.message },
    ...(notice.absolutePath ? { locations: [{ physicalLocation: { artifactLocation: locate(notice.absolutePath) } }] } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-guard',
            fullName: 'ECS Guard',
            informationUri: 'https://github.com/ecs-guard/ecs-guard',
            version: options.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
            rules: allRuleMetas.map((meta) => sarifRule(meta, docs, ruleDocsUrl(meta.id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.root) } },
        invocations: [{ executionSuccessful: !run.notices.some((notice) => notice.level === 'error'), toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Relative to the root under %SRCROOT% when inside it, else an absolute file URI; `#`, `?`, `%` and spaces escaped. */
function artifactLocation(absolutePath: string, root: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(root, absolutePath);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: toPosix(relative).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolutePath).href };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** `containerDefinitions[0].privileged`: the JSON path as a reader writes it. */
function jsonPathName(jsonPath: readonly (string | number)[]): string {
  return jsonPath.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || '(document)';
}

/** node:crypto is loaded by the SARIF format only: other runs do not pay for it. */
function sha256(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed (see above)
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
}
