/**
 * Task-level `cpu` and `memory` in the forms RegisterTaskDefinition accepts and normalises:
 * cpu as CPU units ("1024") or vCPU ("1 vCPU", ".25 vcpu"); memory as MiB ("2048") or GB ("2 GB", "2GB", ".5 gb").
 * Returns undefined for anything else (including placeholders), which callers treat as unknown or invalid.
 */
export function parseCpuUnits(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const vcpu = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(text);
  if (vcpu) return roundIfWhole(Number(vcpu[1]) * 1024);
  return undefined;
}

export function parseMemoryMiB(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const gb = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(text);
  if (gb) return roundIfWhole(Number(gb[1]) * 1024);
  return undefined;
}

function roundIfWhole(value: number): number | undefined {
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** "256 (.25 vCPU)", "1024 (1 vCPU)". */
export function describeCpu(units: number): string {
  const vcpu = units / 1024;
  return `${units} (${vcpu < 1 ? String(vcpu).replace(/^0/, '') : vcpu} vCPU)`;
}
