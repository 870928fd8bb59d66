import * as assert from 'node:assert/strict';
import { isWindowsImage, Platform, platform } from '../../server/src/document/facts';
import { parseJson } from '../../server/src/document/parse';
import { findTaskDefinition } from '../../server/src/document/taskDefinition';

function platformOf(text: string): Platform {
  const doc = findTaskDefinition(parseJson(text));
  assert.ok(doc, 'not recognised as a task definition');
  return platform(doc);
}

function task(runtimePlatform: string | undefined, ...images: string[]): string {
  const containers = images.map((image, i) => `{ "name": "c${i}", "image": ${JSON.stringify(image)} }`).join(', ');
  return `{ "family": "x",${runtimePlatform === undefined ? '' : ` "runtimePlatform": ${runtimePlatform},`} "containerDefinitions": [${containers}] }`;
}

describe('platform(doc): the one answer to "which operating system does this task run on"', () => {
  it('takes the declared operating system family', () => {
    assert.deepEqual(platformOf(task('{ "operatingSystemFamily": "LINUX" }', 'nginx')), { os: 'linux', basis: 'operatingSystemFamily' });
    assert.deepEqual(platformOf(task('{ "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }', 'nginx')), {
      os: 'windows',
      basis: 'operatingSystemFamily',
      family: 'WINDOWS_SERVER_2022_CORE',
    });
  });

  it('treats an absent or null family, or runtimePlatform, the same: Linux by default, as ECS runs it', () => {
    for (const runtimePlatform of [undefined, 'null', '{}', '{ "operatingSystemFamily": null }', '{ "cpuArchitecture": "ARM64" }']) {
      assert.deepEqual(platformOf(task(runtimePlatform, 'nginx:1.27')), { os: 'linux', basis: 'default' }, String(runtimePlatform));
    }
  });

  it('is unknown for a placeholder, another type or a family ECS does not know', () => {
    for (const runtimePlatform of [
      '{ "operatingSystemFamily": "${os_family}" }',
      '{ "operatingSystemFamily": "<OS_FAMILY>" }',
      '"${runtime_platform}"',
      '[]',
      '{ "operatingSystemFamily": 1 }',
      '{ "operatingSystemFamily": "linux" }',
      '{ "operatingSystemFamily": "WINDOWS_SERVER_2012_FULL" }',
    ]) {
      assert.deepEqual(platformOf(task(runtimePlatform, 'nginx')), { os: 'unknown' }, runtimePlatform);
    }
  });

  it('is Windows when the family is unset and every container image is a known Windows base image', () => {
    const windows = { os: 'windows', basis: 'images' };
    assert.deepEqual(platformOf(task(undefined, 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019')), windows);
    assert.deepEqual(platformOf(task('{ "operatingSystemFamily": null }', 'mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'mcr.microsoft.com/windows/nanoserver:ltsc2022')), windows);
    assert.deepEqual(platformOf(`[ { "name": "web", "image": "mcr.microsoft.com/windows/servercore:ltsc2022" } ]`), windows);
  });

  it('stays Linux by default with a mix of images, an unknown image or a placeholder image', () => {
    const linux = { os: 'linux', basis: 'default' };
    assert.deepEqual(platformOf(task(undefined, 'mcr.microsoft.com/windows/servercore:ltsc2022', 'amazon/aws-xray-daemon')), linux);
    assert.deepEqual(platformOf(task(undefined, 'mcr.microsoft.com/windows/servercore:ltsc2022', '${IMAGE}')), linux);
    assert.deepEqual(platformOf(`{ "family": "x", "containerDefinitions": [ { "name": "app" } ] }`), linux);
    assert.deepEqual(platformOf(task(undefined)), linux);
  });

  it('lets a declared family win over the images', () => {
    assert.deepEqual(platformOf(task('{ "operatingSystemFamily": "LINUX" }', 'mcr.microsoft.com/windows/servercore:ltsc2022')), { os: 'linux', basis: 'operatingSystemFamily' });
  });

  it('knows the Windows base images by repository, or by a Microsoft image tag that names a Windows variant', () => {
    for (const image of [
      'mcr.microsoft.com/windows/servercore:ltsc2019',
      'MCR.microsoft.com/Windows/NanoServer:1809',
      'mcr.microsoft.com/windows:ltsc2019',
      'mcr.microsoft.com/windows/server:ltsc2022',
      'mcr.microsoft.com/windows/servercore/iis',
      'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022',
      'mcr.microsoft.com/dotnet/framework/sdk@sha256:0123abcd',
      'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022',
      'mcr.microsoft.com/powershell:lts-windowsservercore-ltsc2022',
      'microsoft/iis:latest',
      'microsoft/windowsservercore',
    ]) {
      assert.ok(isWindowsImage(image), image);
    }
    for (const image of [
      'nginx',
      'mcr.microsoft.com/dotnet/aspnet:8.0',
      'mcr.microsoft.com/dotnet/framework',
      'mcr.microsoft.com/windowsfilter:1',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/windows/servercore:ltsc2019',
      'example.com/nanoserver:latest',
      'mcr.microsoft.com/azure-cli',
    ]) {
      assert.ok(!isWindowsImage(image), image);
    }
  });
});
