/** A table of codes and their Chinese names → the options of a select, in the table's order. */
export function optionsOf<K extends string>(
  labels: Readonly<Record<K, string>>,
): { value: K; label: string }[] {
  // the table's own keys: Object.entries only widens their type to string
  return Object.entries<string>(labels).map(([value, label]) => ({ value: value as K, label }));
}
