import * as vscode from 'vscode';
import type { ClusterSort } from '../../coverage';
import { SORT_CHOICES } from '../model/viewSummary';
import { AwsProfile } from '../profiles/awsProfiles';
import { regionChoices } from '../settings/guardDutyRegions';

interface ValueItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** Multi-select of the GuardDuty regions; undefined when dismissed. */
export async function pickRegions(current: readonly string[]): Promise<string[] | undefined> {
  const items: ValueItem<string>[] = regionChoices(current).map((choice) => ({ label: choice.region, description: choice.name, picked: choice.picked, value: choice.region }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'GuardDuty Coverage: Regions',
    placeHolder: 'Regions whose ECS clusters to show',
    matchOnDescription: true,
  });
  return picked?.map((item) => item.value);
}

/** The default chain or one of the profiles; undefined when dismissed, `{ profile: undefined }` for the default chain. */
export async function pickProfile(profiles: readonly AwsProfile[], current: string | undefined): Promise<{ profile: string | undefined } | undefined> {
  const defaultChain: ValueItem<string | undefined> = {
    label: '$(key) Default credential chain',
    description: current ? undefined : 'current',
    detail: 'Environment variables, AWS_PROFILE or the default profile, SSO, container or instance role',
    value: undefined,
  };
  const items: ValueItem<string | undefined>[] = [
    defaultChain,
    ...profiles.map((profile) => ({
      label: `$(account) ${profile.name}`,
      description: [profile.name === current ? 'current' : undefined, `in ${profile.definedIn.join(' and ')}`].filter(Boolean).join(' · '),
      value: profile.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'GuardDuty Coverage: AWS Profile',
    placeHolder: profiles.length ? 'Profile whose credentials load the coverage' : 'No profile found in the AWS config and credentials files',
  });
  return picked ? { profile: picked.value } : undefined;
}

export async function pickSort(current: ClusterSort): Promise<ClusterSort | undefined> {
  const items: ValueItem<ClusterSort>[] = SORT_CHOICES.map((choice) => ({
    label: choice.label,
    detail: choice.detail,
    description: choice.sort === current ? 'current' : undefined,
    value: choice.sort,
  }));
  return (await vscode.window.showQuickPick(items, { title: 'GuardDuty Coverage: Sort Clusters By' }))?.value;
}

/** An account seen in the loaded data; undefined when dismissed. */
export async function pickAccount(accounts: readonly { readonly accountId: string; readonly clusters: number }[], current: string | undefined): Promise<string | undefined> {
  const items: ValueItem<string>[] = accounts.map(({ accountId, clusters }) => ({
    label: accountId,
    description: [`${clusters} cluster${clusters === 1 ? '' : 's'}`, accountId === current ? 'current filter' : undefined].filter(Boolean).join(' · '),
    value: accountId,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'GuardDuty Coverage: Show Only Account', placeHolder: items.length ? 'Account id' : 'No account loaded yet: refresh first' });
  return picked?.value;
}

/** Part of a cluster name; an empty answer removes the filter. Undefined when dismissed. */
export function inputClusterName(current: string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'GuardDuty Coverage: Filter by Cluster Name', prompt: 'Show clusters whose name contains this text (empty: all)', value: current ?? '' });
}
