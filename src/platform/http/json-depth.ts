import { invalid } from '../errors.js';

/** The deepest nesting any request body needs (a report section, a draw record) is far below this. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deeply a parsed JSON value nests, walked without recursion (issue #10 D6: a 5,000-deep
 * body overflowed the stack further on). Stops counting once past `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d]);
  }
  return max;
}

/** Refuses a body nested deeper than MAX_BODY_DEPTH with a 400 naming the body. */
export function checkBodyDepth(body: unknown): void {
  if (body !== null && typeof body === 'object' && jsonDepth(body) > MAX_BODY_DEPTH)
    throw invalid('http.bodyTooDeep', `请求内容嵌套层级过深(最多 ${MAX_BODY_DEPTH} 层)`, 'body');
}
