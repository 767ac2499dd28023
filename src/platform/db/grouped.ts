/** How many ids one statement's `in (...)` list takes when many records are read at once. */
export const IDS_PER_STATEMENT = 1000;

/**
 * Reads the rows of many records, `IDS_PER_STATEMENT` ids a statement, and groups them by the
 * record each belongs to (`keyOf`), each record's rows in the order `read` returns them.
 */
export async function readGrouped<Row, Item = Row>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
  itemOf: (row: Row) => Item,
): Promise<Map<string, Item[]>> {
  const byKey = new Map<string, Item[]>();
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    for (const row of await read(ids.slice(i, i + IDS_PER_STATEMENT))) {
      const key = keyOf(row);
      const items = byKey.get(key) ?? [];
      items.push(itemOf(row));
      byKey.set(key, items);
    }
  }
  return byKey;
}
