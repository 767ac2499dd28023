import { disputesPermissions } from './disputes/policy.js';
import { enforcementPermissions } from './enforcement/policy.js';
import { inspectionPermissions } from './inspection/policy.js';
import { legalityPermissions } from './legality/policy.js';
import { orgPermissions } from './org/permissions.js';
import { oversightPermissions } from './oversight/policy.js';
import { planningPermissions } from './planning/policy.js';
import { powersPermissions } from './powers/policy.js';
import { requestsPermissions } from './requests/policy.js';

/**
 * Every permission of every domain: `authorize` and a module's `menuPermission` take only these
 * codes (a misspelt or removed permission is a type error, not a check that always refuses).
 */
export const permissionCatalogue = [
  ...orgPermissions,
  ...enforcementPermissions,
  ...powersPermissions,
  ...inspectionPermissions,
  ...planningPermissions,
  ...disputesPermissions,
  ...legalityPermissions,
  ...oversightPermissions,
  ...requestsPermissions,
] as const;

export type Permission = (typeof permissionCatalogue)[number]['code'];

/** The Chinese name of each permission, for messages. */
export const permissionName: ReadonlyMap<string, string> = new Map(
  permissionCatalogue.map((p) => [p.code, p.name]),
);
