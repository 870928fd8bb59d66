// The AWS SDK's generated schema modules (`@aws-sdk/*/dist-es/**/schemas/schemas_0.js`) describe every shape of a
// service, as arrays with trait objects keyed by string constants: `{ [_jN]: _m }` where `const _jN = "jsonName"`.
// esbuild cannot tell that such a computed key is side-effect free, so it keeps every schema of the service in
// the bundle and evaluates them all at load: GuardDuty's 650 schemas are 108 KB of the coverage bundle's 438 KB,
// for the three operations we call. Writing the constant keys as the literals they stand for (and the list and
// map type codes `64 | 0` as numbers, for builds that do not minify) lets esbuild drop the unused schemas; the
// module's values are unchanged (test/cli/sdkSchemaKeys.test.ts compares them).
import { readFile } from 'node:fs/promises';

export const SDK_SCHEMA_MODULE = /[\\/]@aws-sdk[\\/].+[\\/]dist-es[\\/](?:.+[\\/])?schemas[\\/]schemas_\d+\.js$/;

/**
 * `source` with every computed key `[_name]:` whose `_name` is a top-level string constant written as that string
 * (but "__proto__", which as a literal key would set the prototype instead of making a property), and every
 * `<integer> | <integer>` as its value.
 */
export function inlineSchemaConstants(source) {
  const constants = new Map([...source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)].filter((match) => JSON.parse(match[2]) !== '__proto__').map((match) => [match[1], match[2]]));
  return source
    .replace(/\[(_\w+)\]:/g, (key, name) => (constants.has(name) ? `${constants.get(name)}:` : key))
    .replace(/\b(\d+) \| (\d+)\b/g, (_, left, right) => String(Number(left) | Number(right)));
}

/** The esbuild plugin applying `inlineSchemaConstants` to the SDK's schema modules. */
export const sdkSchemaKeys = {
  name: 'sdk-schema-keys',
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMA_MODULE }, async (args) => ({ contents: inlineSchemaConstants(await readFile(args.path, 'utf8')), loader: 'js' }));
  },
};
