// Error texts from the SDK or a proxy can echo request details. Anything that looks like a secret is cut
// out before a message reaches a person, a log or the clipboard.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b/g, // access key ids (and user/role ids)
  /(authorization\s*[:=]\s*)[^\n,;]+/gi,
  /(x-amz-security-token\s*[:=]\s*)[^\s&,;]+/gi,
  /(x-amz-signature\s*[:=]\s*)[^\s&,;]+/gi,
  /(x-amz-credential\s*[:=]\s*)[^\s&,;]+/gi,
  /((?:Credential|Signature|SignedHeaders)=)[^\s,;&]+/g,
  /((?:aws_)?(?:secret_access_key|session_token|security_token|secretAccessKey|sessionToken|accessToken|access_token)["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
  /\b[A-Za-z0-9/+]{40}\b/g, // the length of a secret access key
  /[A-Za-z0-9/+=_-]{100,}/g, // session tokens, SSO access tokens, JWTs
  /(?<=\/\/)[^/\s@:]*:[^/\s@]*(?=@)/g, // user:password in a URL
];

/** Known secrets shorter than this are not scrubbed by value: they would cut ordinary words ("test"). */
const MIN_KNOWN_SECRET_LENGTH = 8;

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (result, pattern) => result.replace(pattern, (match, prefix?: unknown) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]')),
    text,
  );
}

/**
 * Removes the exact values of known secrets (the credentials a load signed with), also URL-encoded, then
 * whatever looks like a secret. Catches what no pattern can: a short session token echoed by an endpoint.
 */
export function redactKnownSecrets(text: string, secrets: readonly string[] = []): string {
  const values = secrets.filter((secret) => secret.length >= MIN_KNOWN_SECRET_LENGTH).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  const scrubbed = [...new Set(values)].sort((a, b) => b.length - a.length).reduce((result, value) => result.split(value).join('[redacted]'), text);
  return redactSecrets(scrubbed);
}

/** A service message made safe and short enough for a tree item or a terminal line. */
export function safeServiceMessage(text: string | undefined, maxLength = 300): string {
  const clean = redactSecrets((text ?? '').replace(/\s+/g, ' ').trim());
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/** The text as a sentence: ends with a full stop unless it already ends with punctuation. */
export function asSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
