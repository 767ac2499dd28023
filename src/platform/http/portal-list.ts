import { escapeHtml as esc } from './portal-page.js';

/** An option of a public list's filter form, selected when it is the filter's value. */
export function portalOption(value: string, label: string, selected: boolean): string {
  return `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
}

/**
 * The pager under a public list: how many records (件 or 条), which page of how many, and links to
 * the previous and next pages that keep the filters that are set.
 */
export function portalPager(o: {
  path: string;
  filters: Readonly<Record<string, string | number | undefined>>;
  total: number;
  page: number;
  pageSize: number;
  unit: '件' | '条';
}): string {
  const pages = Math.max(1, Math.ceil(o.total / o.pageSize));
  const link = (n: number, label: string) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(o.filters)) if (v !== undefined && v !== '') qs.set(k, String(v));
    qs.set('page', String(n));
    return `<a href="${o.path}?${esc(qs.toString())}">${label}</a>`;
  };
  return `<p>共 ${o.total} ${o.unit},第 ${o.page}/${pages} 页 ${o.page > 1 ? link(o.page - 1, '上一页') : ''} ${o.page < pages ? link(o.page + 1, '下一页') : ''}</p>`;
}
