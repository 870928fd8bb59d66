/** A task definition named in an issue, as `family:revision`. */
export interface TaskDefinitionReference {
  readonly family: string;
  readonly revision: number;
  /** `family:revision`. */
  readonly reference: string;
}

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** Straight quotes and single spaces, so patterns need not care how the text was typed or translated. */
export function normalizeIssueText(text: string): string {
  return text.replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, ' ').trim();
}

// `TaskDefinition - 'web:12'`, `TaskDefinition: "web:12"`, or a task definition ARN.
const TASK_DEFINITION = /task\s*definition\s*[-:=]*\s*['"]?(?:arn:[\w-]+:ecs:[\w-]*:\d*:task-definition\/)?([A-Za-z0-9_-]{1,255}):(\d{1,9})\b/i;
const TASK_DEFINITION_ARN = /arn:[\w-]+:ecs:[\w-]*:\d*:task-definition\/([A-Za-z0-9_-]{1,255}):(\d{1,9})\b/i;

export function taskDefinitionIn(text: string): TaskDefinitionReference | undefined {
  const match = TASK_DEFINITION.exec(text) ?? TASK_DEFINITION_ARN.exec(text);
  if (!match) return undefined;
  const revision = Number(match[2]);
  return { family: match[1], revision, reference: `${match[1]}:${revision}` };
}

/** Task ids after "task ID(s):" (plain ids or task ARNs, quoted or not). */
export function taskIdsIn(text: string): string[] {
  return listAfter(text, /task\s*ids?(?:\s*\(s\))?\s*:/i).map((item) => item.split('/').pop() ?? item);
}

/** Service names after "service name(s):", and `Service 'name'` at the start of a sentence. */
export function serviceNamesIn(text: string): string[] {
  const named = [...text.matchAll(/\bservice\s+'([^']+)'/gi)].map((match) => match[1]);
  return unique([...named, ...listAfter(text, /service\s*names?(?:\s*\(s\))?\s*:/i)]);
}

/**
 * The comma-separated list that follows a label: quoted items when the list is quoted (even with a lost
 * closing quote), else plain tokens up to the end of the sentence.
 */
function listAfter(text: string, label: RegExp): string[] {
  const match = label.exec(text);
  if (!match) return [];
  const rest = text.slice(match.index + match[0].length).trim();
  if (rest.startsWith("'") || rest.startsWith('"')) {
    const items: string[] = [];
    const quoted = /\s*['"]([^'"]*)['"]?\s*(,|$)?/y;
    let item: RegExpExecArray | null;
    while ((item = quoted.exec(rest)) && item[0].length > 0) {
      if (item[1].trim())
        items.push(
          ...item[1]
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        );
      if (item[2] !== ',') break;
    }
    return unique(items);
  }
  const sentence = rest.split(/(?<=[^.]{2})\.(?:\s|$)/)[0];
  return unique(
    sentence
      .split(/[,\s]+/)
      .map((token) => token.replace(/[.;]+$/, ''))
      .filter((token) => /^[A-Za-z0-9:/_.-]+$/.test(token)),
  );
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
