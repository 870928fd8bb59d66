import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { classifyError } from '../../client/src/coverage/errors/classifyError';
import { LoadTimeoutError, MalformedResponseError } from '../../client/src/coverage/errors/coverageError';
import { redactKnownSecrets, redactSecrets } from '../../client/src/coverage/errors/redactSecrets';
import { isSsoProfile } from '../../client/src/coverage/errors/ssoProfile';
import { useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';

/** An error shaped like the SDK's service exceptions. */
function serviceError(name: string, status: number, message: string, fault: 'client' | 'server' = status >= 500 ? 'server' : 'client'): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status, requestId: 'req-1', attempts: 3 } });
}

describe('error classification', () => {
  const environment = useIsolatedAwsEnvironment();
  const context = { region: 'eu-west-1' };

  it('maps SDK and Node errors to kinds', () => {
    const cases: [unknown, string][] = [
      [Object.assign(new Error('Request aborted'), { name: 'AbortError' }), 'cancelled'],
      [serviceError('AccessDeniedException', 403, 'not authorized'), 'access-denied'],
      [serviceError('TooManyRequestsException', 429, 'Too Many Requests'), 'throttling'],
      [serviceError('SomethingNew', 429, 'slow down'), 'throttling'],
      [serviceError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.'), 'credentials'],
      [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'credentials'],
      [Object.assign(new Error('timed out'), { name: 'TimeoutError', code: 'ETIMEDOUT' }), 'timeout'],
      [Object.assign(new Error('getaddrinfo ENOTFOUND guardduty.eu-west-1.amazonaws.com'), { code: 'ENOTFOUND' }), 'network'],
      [Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), 'network'],
      [Object.assign(new SyntaxError('Unexpected end of JSON input\n  Deserialization error: ...'), { $metadata: { httpStatusCode: 200 } }), 'malformed-response'],
      [new MalformedResponseError('ListCoverage returned no resources list'), 'malformed-response'],
      [new LoadTimeoutError(1500), 'timeout'],
      [Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }), 'network'],
      [Object.assign(new Error('Parse Error: Expected HTTP/'), { code: 'HPE_INVALID_CONSTANT' }), 'malformed-response'],
      [serviceError('BadRequestException', 400, 'The request is rejected because the input detectorId is not owned by the current account.'), 'service'],
      [serviceError('BadRequestException', 400, 'The network configuration socket hang up getaddrinfo is invalid.'), 'service'],
      [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
      [serviceError('InternalServerErrorException', 500, 'internal'), 'service'],
      [new TypeError("Cannot read properties of undefined (reading 'x')"), 'unexpected'],
      ['a thrown string', 'unexpected'],
    ];
    for (const [error, kind] of cases) assert.equal(classifyError(error, context).kind, kind, String(error));
  });

  it('says how many attempts a throttled call made, and keeps the request id', () => {
    const error = classifyError(serviceError('ThrottlingException', 400, 'Rate exceeded'), context);
    assert.match(error.message, /\(3 attempts\)/);
    assert.equal(error.requestId, 'req-1');
  });

  it('tells apart a client-side and an AWS-side service error', () => {
    assert.match(classifyError(serviceError('BadRequestException', 400, 'bad'), context).nextStep, /detector belongs/);
    assert.match(classifyError(serviceError('InternalServerErrorException', 500, 'oops'), context).nextStep, /AWS side/);
  });

  it('names the profile of a failed SSO sign-in, from the error or from the config file', () => {
    const fromMessage = classifyError(Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'CredentialsProviderError' }), { ...context, profile: 'team' });
    assert.match(fromMessage.nextStep, /aws sso login --profile team/);
    fs.writeFileSync(environment.configFile, '[profile legacy-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n');
    const fromConfig = classifyError(Object.assign(new Error('Token is missing'), { name: 'TokenProviderError' }), { ...context, profile: 'legacy-sso' });
    assert.match(fromConfig.nextStep, /aws sso login --profile legacy-sso/);
    const quoted = classifyError(Object.assign(new Error('SSO token expired'), { name: 'CredentialsProviderError' }), { ...context, profile: "it's mine" });
    assert.match(quoted.nextStep, /aws sso login --profile 'it'\\''s mine'/);
  });

  it('uses AWS_PROFILE for the SSO hint when no profile was given', () => {
    process.env.AWS_PROFILE = 'from-env';
    try {
      const error = classifyError(Object.assign(new Error('SSO session expired'), { name: 'CredentialsProviderError' }), context);
      assert.match(error.nextStep, /--profile from-env/);
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it('reads SSO settings from [profile x] and [default] sections only', () => {
    fs.writeFileSync(environment.configFile, '[default]\nsso_session = corp\n[profile plain]\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://x\n');
    assert.equal(isSsoProfile('default'), true);
    assert.equal(isSsoProfile('plain'), false);
    assert.equal(isSsoProfile('corp'), false);
  });

  it('redacts keys, tokens and signatures from any text it passes on', () => {
    const text = [
      'key AKIAIOSFODNN7EXAMPLE',
      'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240610/us-east-1/guardduty/aws4_request, SignedHeaders=host, Signature=abc123',
      'X-Amz-Security-Token=FwoGZXIvYXdzEJr',
      `token ${'a'.repeat(120)}`,
      'aws_session_token = FQoGZXIvYXdzEXAMPLE',
    ].join('\n');
    const redacted = redactSecrets(text);
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'Signature=abc123', 'FwoGZXIvYXdzEJr', 'a'.repeat(120), 'FQoGZXIvYXdzEXAMPLE']) {
      assert.ok(!redacted.includes(secret), `${secret} survived:\n${redacted}`);
    }
    assert.match(redacted, /\[redacted\]/);
  });

  it('keeps redacted secrets out of service messages', () => {
    const error = classifyError(serviceError('AccessDeniedException', 403, 'User AKIAIOSFODNN7EXAMPLE with Signature=deadbeef is not authorized'), context);
    assert.ok(!error.message.includes('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(!error.message.includes('deadbeef'));
  });

  describe('known secrets', () => {
    const secrets = ['ASIAFAKE4LEAK', 'fake/Secret+Key', 'FakeSessTok42', 'test'];

    it('scrubs the exact values in use from message, next step and request id, also URL-encoded', () => {
      const echoed = Object.assign(new Error('token FakeSessTok42 for ASIAFAKE4LEAK (key fake%2FSecret%2BKey) is not valid'), {
        name: 'BadRequestException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400, requestId: 'FakeSessTok42' },
      });
      const error = classifyError(echoed, { region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', secrets });
      assert.equal(error.message, 'GuardDuty in eu-west-1 answered BadRequestException (HTTP 400): token [redacted] for [redacted] (key [redacted]) is not valid.');
      assert.equal(error.requestId, undefined, 'a request id that was a secret is dropped, not shown as [redacted]');
    });

    it('leaves values too short to be secrets, and keeps a real request id', () => {
      assert.equal(redactKnownSecrets('a test run', secrets), 'a test run');
      const error = classifyError(serviceError('InternalServerErrorException', 500, 'boom'), { ...context, secrets });
      assert.equal(error.requestId, 'req-1');
    });

    it('cuts the password out of an endpoint URL', () => {
      assert.equal(redactSecrets('at http://user:hunter2@proxy.local:8080/'), 'at http://[redacted]@proxy.local:8080/');
    });
  });
});
