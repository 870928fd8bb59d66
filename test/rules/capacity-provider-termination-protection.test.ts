import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, unattendedFixCount } from '../support/codeActions';

const RULE = 'capacity-provider-termination-protection';
const advice = 'Set "managedTerminationProtection" to "ENABLED" (it needs managed scaling turned on and scale-in protection on the Auto Scaling group\'s instances).';

describe(RULE, () => {
  it('flags "DISABLED" in create-capacity-provider input', () => {
    const [finding] = expectFindings(RULE, `{ "name": "cp", "autoScalingGroupProvider": { "autoScalingGroupArn": "arn:aws:autoscaling:...", "managedTerminationProtection": «"DISABLED"» } }`, [
      `Capacity provider "cp" turns managed termination protection off, so scaling in can terminate instances that still run tasks (Security Hub ECS.19). ${advice}`,
    ]);
    assert.deepEqual(finding.fix, { managedTerminationProtection: 'ENABLED' });
  });

  it('flags an absent setting (the default is DISABLED) on the provider object, in a template too', () => {
    expectFindings(RULE, `{ "name": "cp", «"autoScalingGroupProvider"»: { "autoScalingGroupArn": "arn" } }`, [
      `Capacity provider "cp" has no "managedTerminationProtection", so it is DISABLED: scaling in can terminate instances that still run tasks (Security Hub ECS.19). ${advice}`,
    ]);
    expectFindings(
      RULE,
      `Resources:\n  Provider:\n    Type: AWS::ECS::CapacityProvider\n    Properties:\n      «AutoScalingGroupProvider»:\n        AutoScalingGroupArn: !Ref Group\n`,
      [/^Provider: The capacity provider has no "ManagedTerminationProtection", so it is DISABLED/],
      { uri: 'file:///stack/cp.yaml' },
    );
  });

  it('accepts ENABLED and values the template computes', () => {
    expectNoFindings(RULE, `{ "name": "cp", "autoScalingGroupProvider": { "autoScalingGroupArn": "arn", "managedTerminationProtection": "ENABLED" } }`);
    expectFindings(
      RULE,
      `Resources:\n  Provider:\n    Type: AWS::ECS::CapacityProvider\n    Properties:\n      AutoScalingGroupProvider:\n        ManagedTerminationProtection: !ImportValue Protection\n`,
      [],
      { uri: 'file:///stack/cp.yaml' },
    );
  });
});

describe(`${RULE} fixes`, () => {
  it('sets "ENABLED" when asked; it needs managed scaling, so never unattended', () => {
    const input = (value: string) => `{ "name": "cp", "autoScalingGroupProvider": { "autoScalingGroupArn": "arn", "managedTerminationProtection": ${value} } }`;
    expectFix(RULE, input('"DIS|ABLED"'), 'Set managed termination protection "ENABLED" (needs managed scaling and instance scale-in protection)', input('"ENABLED"'));
    assert.equal(unattendedFixCount(RULE, input('"DISABLED"')), 0);
  });
});
