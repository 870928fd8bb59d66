import * as assert from 'node:assert/strict';
import { listCoverageCommand } from '../../client/src/coverage/awsCli/listCoverageCommand';
import { commandLine, quoteArgument, shellKindOf } from '../../client/src/coverage/awsCli/shellQuote';

// The copied AWS CLI commands, quoted for the shell the user pastes them into.
describe('copied AWS CLI commands for each shell', () => {
  it('tells the shell from its path: PowerShell, cmd, or POSIX for everything else', () => {
    assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'powershell');
    assert.equal(shellKindOf('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'powershell');
    assert.equal(shellKindOf('/usr/local/bin/pwsh', 'darwin'), 'powershell');
    assert.equal(shellKindOf('C:\\WINDOWS\\System32\\cmd.exe', 'win32'), 'cmd');
    assert.equal(shellKindOf('C:\\Program Files\\Git\\bin\\bash.exe', 'win32'), 'posix');
    assert.equal(shellKindOf('/bin/zsh', 'darwin'), 'posix');
    assert.equal(shellKindOf('/usr/bin/fish', 'linux'), 'posix');
    assert.equal(shellKindOf(undefined, 'win32'), 'powershell');
    assert.equal(shellKindOf('', 'linux'), 'posix');
  });

  it('quotes for PowerShell with single quotes, never leaving a number, variable or splat bare', () => {
    assert.equal(quoteArgument('--profile', 'powershell'), '--profile');
    assert.equal(quoteArgument('us-east-1', 'powershell'), 'us-east-1');
    assert.equal(quoteArgument("it's $HOME", 'powershell'), "'it''s $HOME'");
    assert.equal(quoteArgument('012345678901', 'powershell'), "'012345678901'");
    assert.equal(quoteArgument('@team', 'powershell'), "'@team'");
    assert.equal(quoteArgument('', 'powershell'), "''");
  });

  it('quotes for cmd with double quotes, escaping quotes and the backslashes before them', () => {
    assert.equal(quoteArgument('us-east-1', 'cmd'), 'us-east-1');
    assert.equal(quoteArgument('dev ops', 'cmd'), '"dev ops"');
    assert.equal(quoteArgument('say "hi"', 'cmd'), '"say \\"hi\\""');
    assert.equal(quoteArgument('a\\"b', 'cmd'), '"a\\\\\\"b"');
    assert.equal(quoteArgument('dir\\', 'cmd'), '"dir\\\\"');
    assert.equal(quoteArgument('a&b|c', 'cmd'), '"a&b|c"');
  });

  it('writes the filter in the CLI shorthand for PowerShell and cmd, which mangle quotes inside arguments', () => {
    const target = { region: 'eu-west-1', detectorId: 'd1', clusterName: 'web', accountId: '012345678901', profile: 'dev ops' };
    const powershell = listCoverageCommand({ ...target, shell: 'powershell' });
    assert.equal(
      powershell,
      "aws guardduty list-coverage --region eu-west-1 --detector-id d1 --filter-criteria 'FilterCriterion=[{CriterionKey=RESOURCE_TYPE,FilterCondition={Equals=[ECS]}},{CriterionKey=ECS_CLUSTER_NAME,FilterCondition={Equals=[web]}},{CriterionKey=ACCOUNT_ID,FilterCondition={Equals=[012345678901]}}]' --profile 'dev ops'",
    );
    assert.doesNotMatch(powershell, /"/);
    const cmd = listCoverageCommand({ ...target, shell: 'cmd' });
    assert.match(cmd, /--filter-criteria "FilterCriterion=\[\{CriterionKey=RESOURCE_TYPE,.*\]" --profile "dev ops"$/);
  });

  it('keeps the JSON filter for POSIX shells', () => {
    assert.match(commandLine(['aws', '{"a":1}'], 'posix'), /^aws '\{"a":1\}'$/);
  });
});
