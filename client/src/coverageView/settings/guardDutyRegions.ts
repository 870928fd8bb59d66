/**
 * Regions where GuardDuty is offered, for the region picker. Not exhaustive forever: a region missing here
 * can still be typed into `ecsGuard.coverage.regions`, and the picker keeps it. GovCloud and China
 * need credentials of their own partitions.
 */
export const GUARDDUTY_REGIONS: readonly { readonly region: string; readonly name: string }[] = [
  { region: 'us-east-1', name: 'US East (N. Virginia)' },
  { region: 'us-east-2', name: 'US East (Ohio)' },
  { region: 'us-west-1', name: 'US West (N. California)' },
  { region: 'us-west-2', name: 'US West (Oregon)' },
  { region: 'af-south-1', name: 'Africa (Cape Town)' },
  { region: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { region: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { region: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { region: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { region: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { region: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { region: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
  { region: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
  { region: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
  { region: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { region: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { region: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { region: 'ca-central-1', name: 'Canada (Central)' },
  { region: 'ca-west-1', name: 'Canada West (Calgary)' },
  { region: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { region: 'eu-central-2', name: 'Europe (Zurich)' },
  { region: 'eu-west-1', name: 'Europe (Ireland)' },
  { region: 'eu-west-2', name: 'Europe (London)' },
  { region: 'eu-west-3', name: 'Europe (Paris)' },
  { region: 'eu-south-1', name: 'Europe (Milan)' },
  { region: 'eu-south-2', name: 'Europe (Spain)' },
  { region: 'eu-north-1', name: 'Europe (Stockholm)' },
  { region: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { region: 'me-south-1', name: 'Middle East (Bahrain)' },
  { region: 'me-central-1', name: 'Middle East (UAE)' },
  { region: 'mx-central-1', name: 'Mexico (Central)' },
  { region: 'sa-east-1', name: 'South America (São Paulo)' },
  { region: 'us-gov-east-1', name: 'AWS GovCloud (US-East)' },
  { region: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
  { region: 'cn-north-1', name: 'China (Beijing)' },
  { region: 'cn-northwest-1', name: 'China (Ningxia)' },
];

export interface RegionChoice {
  readonly region: string;
  readonly name: string;
  readonly picked: boolean;
}

/** The picker's items: the known regions, then any chosen region not among them, the chosen ones ticked. */
export function regionChoices(chosen: readonly string[]): RegionChoice[] {
  const known = GUARDDUTY_REGIONS.map(({ region, name }) => ({ region, name, picked: chosen.includes(region) }));
  const extra = chosen.filter((region) => !GUARDDUTY_REGIONS.some((known) => known.region === region)).map((region) => ({ region, name: 'set in settings', picked: true }));
  return [...known, ...extra];
}
