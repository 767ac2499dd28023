// node-postgres' internal modules the read guard (read-guard.ts) drives; @types/pg covers only
// the package's main entry.
declare module 'pg/lib/result.js' {
  const Result: unknown;
  export default Result;
}
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
