import { type Actor, can } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { type Permission, permissionName } from '../permissions.js';

/** Refuses (403) an actor without the permission; the message names it in words, as the role editor does. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission))
    throw forbidden('auth.forbidden', `您没有“${permissionName.get(permission) ?? permission}”的权限`);
}
