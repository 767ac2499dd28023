/** One permission: its code (RuoYi style `module:entity:verb`), its Chinese name and its group in the role editor. */
export interface PermissionDef<C extends string = string> {
  readonly code: C;
  readonly name: string;
  readonly group: string;
}

/**
 * The permissions of one group, written as code → Chinese name, in the order the role editor lists
 * them: the group is named once, and the codes stay a typed union for `authorize`.
 */
export function permissionGroup<const N extends Readonly<Record<string, string>>>(
  group: string,
  names: N,
): PermissionDef<keyof N & string>[] {
  return Object.entries(names).map(([code, name]) => ({ code: code as keyof N & string, name, group }));
}
