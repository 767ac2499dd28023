/** A lookup of a domain's metrics by id; asking for an id the list lacks fails the test. */
export function metricIn<M extends { id: string }>(list: readonly M[]): (id: string) => M {
  return (id) => {
    const m = list.find((x) => x.id === id);
    if (!m) throw new Error(id);
    return m;
  };
}
