import { MalformedVariant } from './faults';

/** The text of a deliberately broken 200 answer. */
export function malformedBody(body: unknown, variant: MalformedVariant = 'truncated-json'): string {
  const text = JSON.stringify(body);
  if (variant === 'iso-timestamp') {
    // A timestamp format the restJson1 deserializer refuses: it wants epoch seconds as a number.
    return text.replace(/"updatedAt":(\d+(?:\.\d+)?)/g, (_match, seconds: string) => `"updatedAt":"${new Date(Number(seconds) * 1000).toISOString()}"`);
  }
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
