/** Width of a text in full-width characters: digits and Latin letters count half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * 标题回行 (GB/T 9704-2012 §7.3.1): a title longer than a line breaks between words, never inside
 * one — before "关于", after the year ("2025年度"), before "法治政府建设", "工作情况" or "的报告" —
 * choosing the last break that fits each line.
 */
export function titleLines(title: string, perLine: number): string[] {
  const breaks = new Set<number>([0, title.length]);
  for (const re of [/关于/g, /\d{4}年度?/g, /法治政府建设/g, /工作情况/g, /的报告/g, /情况的报告/g]) {
    for (const m of title.matchAll(re)) {
      if (re.source.startsWith('\\d')) breaks.add(m.index + m[0].length);
      else breaks.add(m.index);
    }
  }
  const points = [...breaks].sort((a, b) => a - b);
  // the fewest lines, then the most even ones (排列对称): the smallest longest line
  let best = null as number[] | null;
  let bestKey: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const walk = (at: number, cuts: number[], widest: number) => {
    if (at === title.length) {
      const key: [number, number] = [cuts.length, widest];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1]))
        [best, bestKey] = [cuts, key];
      return;
    }
    if (cuts.length >= bestKey[0]) return;
    for (const p of points)
      if (p > at && textWidth(title.slice(at, p)) <= perLine)
        walk(p, [...cuts, p], Math.max(widest, textWidth(title.slice(at, p))));
  };
  walk(0, [], 0);
  // no word boundary fits a line: break at the boundaries anyway (never inside a word)
  const cuts: number[] = best ?? points.slice(1);
  let start = 0;
  return cuts.map((end) => {
    const line = title.slice(start, end);
    start = end;
    return line;
  });
}

const FULL: Readonly<Record<string, string>> = {
  ',': '\uFF0C',
  ';': '\uFF1B',
  ':': '\uFF1A',
  '(': '\uFF08',
  ')': '\uFF09',
  '?': '\uFF1F',
  '!': '\uFF01',
};

/**
 * Full-width punctuation in Chinese text (GB/T 15834-2011): , ; : ( ) ? ! become , ; : ( ) ? !,
 * straight quotes become “ ” in pairs; a colon between digits (a time, a ratio) and the decimal
 * point stay as they are.
 */
export function fullWidth(text: string): string {
  let quote = false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (ch === ':' && /\d/.test(prev) && /\d/.test(next)) out += ch;
    else if (ch === '"') {
      out += quote ? '\u201D' : '\u201C';
      quote = !quote;
    } else if (FULL[ch]) {
      out += FULL[ch];
      while (text[i + 1] === ' ') i++;
    } else out += ch;
  }
  return out;
}
