import { CPU_ARCHITECTURES as ARCHITECTURES } from '../document/fields';
import { childValue, isPlaceholderNode, stringValue } from '../document/json';
import { replaceWithAllowed } from './_fix';
import { Rule } from './rule';

type Architecture = (typeof ARCHITECTURES)[number];

/** Spellings that clearly mean one of the two, keyed by lower case with `_`, `-` and spaces removed. */
const VARIANTS: ReadonlyMap<string, Architecture> = new Map([
  ['x8664', 'X86_64'],
  ['amd64', 'X86_64'],
  ['x64', 'X86_64'],
  ['arm64', 'ARM64'],
  ['aarch64', 'ARM64'],
  ['arm64v8', 'ARM64'],
]);

/** Fix payload: `{ replaceWith: 'X86_64' | 'ARM64' }`, only when the value is a variant spelling of one of them. */
export const guarddutyCpuArchitecture: Rule = {
  meta: {
    id: 'guardduty-cpu-architecture',
    title: "CPU architecture must be X86_64 or ARM64, GuardDuty's verified platforms",
    defaultSeverity: 'warning',
    enforces: { source: 'guardduty', prerequisite: 'Verified CPU architecture' },
  },
  check({ doc, reportAt }) {
    const node = childValue(doc.task?.get('runtimePlatform'), 'cpuArchitecture');
    const value = stringValue(node);
    if (!node || value === undefined || isPlaceholderNode(node) || (ARCHITECTURES as readonly string[]).includes(value)) return;
    const canonical = VARIANTS.get(value.toLowerCase().replace(/[\s_-]/g, ''));
    reportAt(
      node,
      `CPU architecture ${JSON.stringify(value)} is not X86_64 or ARM64, the values ECS accepts and the platforms GuardDuty Runtime Monitoring is verified on. ${canonical ? `Use "${canonical}".` : 'Use "X86_64" or "ARM64".'}`,
      canonical ? { replaceWith: canonical } : undefined,
    );
  },
  // The same architecture, spelt as ECS accepts it.
  fixes(fix, { path }) {
    return replaceWithAllowed(fix, path, ARCHITECTURES, true);
  },
};
