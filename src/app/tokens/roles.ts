import { fail } from '../../core/index.ts';

/** The roles a token can have, from least to most powerful (approver is not above engineer: they are separate duties). */
export const roles = ['viewer', 'auditor', 'engineer', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * What a route needs. `read`: registry, log, lineage, state, version, metrics. `audit`: proofs, checkpoints,
 * verification and exports. `engineer`: check, policy validation, records, ingest. `approve`: approvals.
 * `admin`: tokens.
 */
export type Permission = 'read' | 'audit' | 'engineer' | 'approve' | 'admin';

/** The roles granted each permission. Every role reads; each duty beyond reading is its own role, plus admin. */
export const grants: Readonly<Record<Permission, readonly Role[]>> = {
  read: roles,
  audit: ['auditor', 'admin'],
  engineer: ['engineer', 'admin'],
  approve: ['approver', 'admin'],
  admin: ['admin'],
};

export function allows(role: Role, permission: Permission): boolean {
  return grants[permission].includes(role);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A role given by a user (flag or request field): one of the five, or TOKEN_INVALID_ROLE naming them. */
export function parseRole(value: string, field = '--role'): Role {
  if (!isRole(value)) {
    fail('TOKEN_INVALID_ROLE', `unknown role "${value}"`, { location: { path: field }, expected: `one of: ${roles.join(', ')}` });
  }
  return value;
}
