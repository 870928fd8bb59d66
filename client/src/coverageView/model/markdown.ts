/**
 * Escapes text for a Markdown tooltip. Issue texts come from GuardDuty (and, through it, from whoever
 * named the cluster or task definition), so they must render as text, never as links or markup.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

/** A Markdown bullet list of escaped lines. */
export function bulletList(lines: readonly string[]): string {
  return lines.map((line) => `- ${escapeMarkdown(line)}`).join('\n');
}

/** 2024-06-10 06:13 UTC: the same in every time zone, like the CLI's table. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
