import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { containsPlaceholder } from '../../server/src/document/json';
import { captureGroupCount, onigurumaOnlySyntax } from '../support/onigurumaSyntax';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_PATH = 'syntaxes/ecs-task-definition.injection.json';

interface GrammarRule {
  readonly name?: string;
  readonly comment?: string;
  readonly include?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly while?: string;
  readonly captures?: Readonly<Record<string, GrammarRule>>;
  readonly beginCaptures?: Readonly<Record<string, GrammarRule>>;
  readonly endCaptures?: Readonly<Record<string, GrammarRule>>;
  readonly whileCaptures?: Readonly<Record<string, GrammarRule>>;
  readonly patterns?: readonly GrammarRule[];
}

interface Grammar {
  readonly scopeName: string;
  readonly injectionSelector?: string;
  readonly patterns: readonly GrammarRule[];
  readonly repository: Readonly<Record<string, GrammarRule>>;
}

interface ContributedGrammar {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo?: readonly string[];
}

/** One regex of the grammar, where it is, and the captures that name its groups. */
interface GrammarRegex {
  readonly where: string;
  readonly source: string;
  readonly captures: Readonly<Record<string, GrammarRule>>;
}

const grammarText = fs.readFileSync(path.join(ROOT, GRAMMAR_PATH), 'utf8');
const grammar = JSON.parse(grammarText) as Grammar;
const contributed = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: ContributedGrammar[] } }).contributes.grammars;

/** Every rule in the grammar with a readable location, including rules nested in captures. */
function allRules(): { where: string; rule: GrammarRule }[] {
  const found: { where: string; rule: GrammarRule }[] = [];
  const visit = (rule: GrammarRule, where: string): void => {
    found.push({ where, rule });
    rule.patterns?.forEach((child, index) => visit(child, `${where}.patterns[${index}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures'] as const) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) visit(capture, `${where}.${key}[${group}]`);
    }
  };
  grammar.patterns.forEach((rule, index) => visit(rule, `patterns[${index}]`));
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${name}`);
  return found;
}

function allRegexes(): GrammarRegex[] {
  return allRules().flatMap(({ where, rule }) => {
    const regexes: GrammarRegex[] = [];
    if (rule.match !== undefined) regexes.push({ where: `${where}.match`, source: rule.match, captures: rule.captures ?? {} });
    if (rule.begin !== undefined) regexes.push({ where: `${where}.begin`, source: rule.begin, captures: rule.beginCaptures ?? rule.captures ?? {} });
    if (rule.end !== undefined) regexes.push({ where: `${where}.end`, source: rule.end, captures: rule.endCaptures ?? rule.captures ?? {} });
    if (rule.while !== undefined) regexes.push({ where: `${where}.while`, source: rule.while, captures: rule.whileCaptures ?? rule.captures ?? {} });
    return regexes;
  });
}

/** What the ARN pattern captures, by meaning; undefined when it does not match. */
function arnParts(text: string): { partition: string; service: string; region: string; account: string | undefined; resource: string } | undefined {
  const match = new RegExp(grammar.repository.arn.match!).exec(text);
  if (!match) return undefined;
  const [, keyword, partition, service, region, account, resource] = match;
  assert.equal(keyword, 'arn');
  return { partition, service, region, account, resource };
}

/** The placeholders the grammar highlights in a string, with the scope each gets. */
function highlightedPlaceholders(text: string): { text: string; scope: string }[] {
  return (grammar.repository.placeholder.patterns ?? [])
    .flatMap((rule) => [...text.matchAll(new RegExp(rule.match!, 'g'))].map((match) => ({ index: match.index, text: match[0], scope: rule.name! })))
    .sort((a, b) => a.index - b.index)
    .map(({ text: placeholder, scope }) => ({ text: placeholder, scope }));
}

describe(`injection grammar (${GRAMMAR_PATH})`, () => {
  it('is valid JSON', () => {
    assert.doesNotThrow(() => JSON.parse(grammarText));
  });

  it('is contributed by package.json under its scopeName, injected into JSON and JSON with comments', () => {
    const entry = contributed.find((candidate) => path.normalize(candidate.path) === path.normalize(`./${GRAMMAR_PATH}`));
    assert.ok(entry, `package.json contributes.grammars lists ./${GRAMMAR_PATH}`);
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.deepEqual([...(entry.injectTo ?? [])].sort(), ['source.json', 'source.json.comments']);
  });

  it('is injected into JSON strings, not property names', () => {
    assert.match(grammar.injectionSelector ?? '', /string\.quoted\.double\.json/);
    assert.match(grammar.injectionSelector ?? '', /-\s*support\.type\.property-name/);
  });

  it('includes only repository entries that exist', () => {
    const includes = allRules().flatMap(({ where, rule }) => (rule.include ? [{ where, include: rule.include }] : []));
    assert.ok(includes.length > 0);
    for (const { where, include } of includes) {
      assert.match(include, /^#/, `${where} includes a repository entry`);
      assert.ok(include.slice(1) in grammar.repository, `${where} includes ${include}, which the repository defines`);
    }
  });

  it('ends every scope name with .ecs-guard, so themes and tests can tell its scopes apart', () => {
    for (const { where, rule } of allRules()) {
      if (rule.name !== undefined) assert.match(rule.name, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.ecs-guard$/, where);
    }
  });

  describe('every regex', () => {
    const regexes = allRegexes();

    it('has been found', () => {
      assert.ok(regexes.length >= 5, `found ${regexes.length}`);
    });

    for (const { where, source, captures } of regexes) {
      it(`${where} uses no Oniguruma-only syntax and compiles`, () => {
        assert.deepEqual(onigurumaOnlySyntax(source), [], source);
        assert.doesNotThrow(() => new RegExp(source), source);
      });

      it(`${where} has every capture group its captures name`, () => {
        const groups = captureGroupCount(source);
        for (const group of Object.keys(captures)) {
          assert.match(group, /^\d+$/, `capture key ${group} is a group number`);
          assert.ok(Number(group) <= groups, `capture ${group} exists (the regex has ${groups} groups)`);
        }
      });

      it(`${where} matches no empty string, which would stall the tokenizer`, () => {
        assert.equal(new RegExp(source).exec('')?.[0], undefined);
      });
    }
  });

  describe('the Oniguruma syntax check', () => {
    it('finds syntax that JavaScript reads differently or rejects', () => {
      const samples: Record<string, string> = {
        '(?>abc)': 'atomic group (?>...)',
        'a++': 'possessive quantifier',
        'a{2}+': 'possessive quantifier',
        '\\h+': '\\h escape',
        '\\Gx': '\\G escape',
        '\\x{41}': '\\x{...} escape',
        '[[:alpha:]]': 'POSIX bracket [:...:]',
        '[a-z&&[^aeiou]]': 'class intersection &&',
        '(?i)arn': 'inline options (?imx)',
        '(?i:arn)': 'inline options (?imx)',
        '[]a]': '] first in a character class',
        '\\p{Alpha}': '\\p{...} property (JavaScript needs the u flag)',
      };
      for (const [pattern, expected] of Object.entries(samples)) assert.ok(onigurumaOnlySyntax(pattern).includes(expected), `${pattern}: ${expected}`);
    });

    it('accepts syntax both engines read alike', () => {
      for (const pattern of ['(?:a|b)+?', '(?<=x)y(?!z)', '(?<name>a)\\k<name>', '\\b\\d{12}\\s*', '[^}"]*', '\\$\\{[^}]*\\}', 'a\\+\\+', '[+*]+']) {
        assert.deepEqual(onigurumaOnlySyntax(pattern), [], pattern);
      }
    });

    it('counts capture groups, not non-capturing groups or escaped parentheses', () => {
      assert.equal(captureGroupCount('(a)(?:b)(?<c>c)\\(d\\)[(]'), 2);
    });
  });

  describe('ARNs', () => {
    it('highlights an IAM role ARN: partition, service, empty region, account, resource', () => {
      assert.deepEqual(arnParts('"arn:aws:iam::111122223333:role/ecsTaskExecutionRole",'), {
        partition: 'aws',
        service: 'iam',
        region: '',
        account: '111122223333',
        resource: 'role/ecsTaskExecutionRole',
      });
    });

    it('highlights a Secrets Manager ARN whose resource holds colons', () => {
      assert.deepEqual(arnParts('"arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCd"'), {
        partition: 'aws',
        service: 'secretsmanager',
        region: 'us-east-1',
        account: '111122223333',
        resource: 'secret:db-AbCd',
      });
    });

    it('highlights other partitions: GovCloud, China, ISO', () => {
      assert.equal(arnParts('arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/ecs/web')?.partition, 'aws-us-gov');
      assert.equal(arnParts('arn:aws-cn:ecr:cn-north-1:111122223333:repository/web')?.partition, 'aws-cn');
      assert.equal(arnParts('arn:aws-iso-b:iam::111122223333:role/x')?.partition, 'aws-iso-b');
    });

    it('accepts placeholders for the region and the account', () => {
      assert.equal(arnParts('arn:aws:iam::<ACCOUNT_ID>:role/x')?.account, '<ACCOUNT_ID>');
      assert.deepEqual(arnParts('arn:aws:logs:${AWS_REGION}:{{ACCOUNT_ID}}:log-group:/ecs/web'), {
        partition: 'aws',
        service: 'logs',
        region: '${AWS_REGION}',
        account: '{{ACCOUNT_ID}}',
        resource: 'log-group:/ecs/web',
      });
      assert.equal(arnParts('arn:aws:ecs:#{Octopus.Region}:111122223333:cluster/x')?.region, '#{Octopus.Region}');
    });

    it('accepts an empty account (S3) and the "aws" account of managed policies', () => {
      assert.deepEqual(arnParts('arn:aws:s3:::my-bucket/env/web.env'), { partition: 'aws', service: 's3', region: '', account: undefined, resource: 'my-bucket/env/web.env' });
      assert.equal(arnParts('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')?.account, 'aws');
    });

    it('ends the resource at the closing quote or whitespace', () => {
      assert.equal(arnParts('"arn:aws:iam::111122223333:role/x", "next": 1')?.resource, 'role/x');
      assert.equal(arnParts('arn:aws:iam::111122223333:role/x and more')?.resource, 'role/x');
    });

    it('leaves ordinary strings and malformed ARNs alone', () => {
      for (const text of [
        'nginx:latest',
        'a < b > c',
        '111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2',
        'learn:aws:iam::111122223333:role/x',
        'arn:azure:iam::111122223333:role/x',
        'arn:aws:iam::12345:role/x',
        'arn:aws:iam',
      ]) {
        assert.equal(arnParts(text), undefined, text);
      }
    });
  });

  describe('placeholders', () => {
    const samples: Record<string, string> = {
      '<IMAGE1_NAME>': 'variable.other.placeholder.codedeploy.ecs-guard',
      '${AWS_REGION}': 'variable.other.placeholder.ecs-guard',
      '#{Octopus.Var}': 'variable.other.placeholder.ecs-guard',
      '{{ACCOUNT_ID}}': 'variable.other.placeholder.ecs-guard',
    };

    for (const [placeholder, scope] of Object.entries(samples)) {
      it(`highlights ${placeholder}, alone and inside a value`, () => {
        assert.deepEqual(highlightedPlaceholders(placeholder), [{ text: placeholder, scope }]);
        assert.deepEqual(highlightedPlaceholders(`"web:${placeholder}-latest"`), [{ text: placeholder, scope }]);
      });
    }

    it('leaves ordinary strings alone', () => {
      for (const text of ['nginx:latest', 'a < b > c', '<>', '{single}', '$HOME', '${unclosed', '#comment', 'x{{y']) {
        assert.deepEqual(highlightedPlaceholders(text), [], text);
      }
    });

    it('highlights exactly what the rules treat as an unknown value', () => {
      for (const text of [...Object.keys(samples), 'a-<B>-c', 'nginx:latest', 'a < b > c', '<>', '{single}', '$HOME', '${unclosed']) {
        assert.equal(highlightedPlaceholders(text).length > 0, containsPlaceholder(text), text);
      }
    });
  });
});
