/**
 * The rich benchmark shape: examples/enterprise.yaml as it is (every feature the schema has: adopted and
 * suspended accounts, a closed account, Identity Center assignments to Root, custom and catalogue
 * guardrails on Root and OUs, OU overrides, a StackSet, the optional security services, 3 regions)
 * plus N generated workload accounts spread over its workload OUs.
 */
import { parse, stringify } from 'yaml';

/** OUs of examples/enterprise.yaml the generated accounts go to, in turn. */
export const ENTERPRISE_OUS = ['Workloads/Prod', 'Workloads/Dev', 'Workloads/Prod/Regulated', 'Sandbox'] as const;

/** Name of the i-th generated account (0-based). */
export function enterpriseWorkloadName(i: number): string {
  return `ent-app-${String(i + 1).padStart(5, '0')}`;
}

/**
 * The files of the rich landing zone: `example` is the text of examples/enterprise.yaml, `companions` the
 * files it points to (policies/, stacksets/) by relative path; `accounts` workload accounts are added.
 */
export function enterpriseFiles(accounts: number, example: string, companions: Readonly<Record<string, string>>): Record<string, string> {
  const config = parse(example) as { accounts: Record<string, unknown>[] };
  for (let i = 0; i < accounts; i++) {
    const name = enterpriseWorkloadName(i);
    config.accounts.push({
      name,
      email: `aws+${name}@globex.example`,
      ou: ENTERPRISE_OUS[i % ENTERPRISE_OUS.length],
      tags: { CostCenter: String(3000 + (i % 50)) },
      ...(i % 3 === 0 ? { budget: { monthlyUsd: 1000 + (i % 7) * 250 } } : {}),
    });
  }
  return {
    'landing-zone.yaml': `# examples/enterprise.yaml plus ${accounts} generated workload accounts (bench/enterprise.ts).\n${stringify(config, { lineWidth: 0 })}`,
    ...companions,
  };
}
