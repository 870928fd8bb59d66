import { ClusterCoverage, coveragePercentage, formatPercentage, RegionCoverage, sortClusters } from '../../../client/src/coverage';

const COLORS = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };
type Style = keyof typeof COLORS;

/** A block per region: a header with the coverage percentage, then an aligned row per cluster (or the error). */
export function formatCoverageTable(regions: readonly RegionCoverage[], color: boolean): string {
  const paint = (style: Style, text: string) => (color ? `${COLORS[style]}${text}${COLORS.reset}` : text);
  const lines: string[] = [];
  for (const region of regions) {
    lines.push(...regionBlock(region, paint), '');
  }
  lines.push(summary(regions));
  return lines.join('\n') + '\n';
}

function regionBlock(region: RegionCoverage, paint: (style: Style, text: string) => string): string[] {
  if (region.error) {
    const indent = ' '.repeat(region.region.length + 2);
    return [`${paint('bold', region.region)}  ${paint('red', `${region.error.kind}:`)} ${region.error.message}`, `${indent}Next: ${region.error.nextStep}`];
  }
  const stats = region.statistics;
  const header = `${paint('bold', region.region)}  detector ${region.detectorId ?? '–'}  ECS coverage ${formatPercentage(coveragePercentage(stats))}${
    stats ? ` (${stats.HEALTHY} healthy, ${stats.UNHEALTHY} unhealthy)` : ''
  }`;
  if (region.clusters.length === 0) return [header, '  no ECS clusters to show'];
  const rows = sortClusters(region.clusters, 'status').map(rowOf);
  const headings = ['STATUS', 'CLUSTER', 'ACCOUNT', 'AGENT', 'INSTANCES', 'UPDATED (UTC)', 'ISSUE'];
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column].length)));
  const pad = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const statusStyle = (status: string): Style => (status === 'HEALTHY' ? 'green' : status === 'UNHEALTHY' ? 'red' : 'yellow');
  return [
    header,
    `  ${paint('dim', pad(headings))}`,
    // Padding is applied before painting the status, so colour codes do not upset the alignment.
    ...rows.map((row) => {
      const text = pad(row);
      return `  ${paint(statusStyle(row[0]), text.slice(0, widths[0]))}${text.slice(widths[0])}`;
    }),
  ];
}

function rowOf(cluster: ClusterCoverage): string[] {
  const [first, ...more] = cluster.issues;
  const issue = first ? `${first.title}${first.taskDefinition ? ` (${first.taskDefinition.reference})` : ''}${more.length ? ` +${more.length} more` : ''}` : '';
  const { covered, compatible } = cluster.containerInstances;
  const updated = cluster.updatedAt ? cluster.updatedAt.toISOString().slice(0, 16).replace('T', ' ') : '–';
  return [cluster.coverageStatus, cluster.clusterName, cluster.accountId, cluster.managementType ?? '–', `${covered}/${compatible}`, updated, issue];
}

function summary(regions: readonly RegionCoverage[]): string {
  const failed = regions.filter((region) => region.error).length;
  const unhealthy = regions.reduce((sum, region) => sum + region.clusters.filter((cluster) => cluster.coverageStatus === 'UNHEALTHY').length, 0);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(regions.length, 'region')}: ${regions.length - failed} loaded, ${failed} failed; ${plural(unhealthy, 'unhealthy cluster')} listed.`;
}
