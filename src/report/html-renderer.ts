import { escapeHtml } from '../platform/http/portal-page.js';
import { chineseDate } from '../platform/docx/letter.js';
import { partHeading } from './docx-renderer.js';
import { partIsEmpty, placeholderText, type ReportContent, type SentenceLink } from './report-model.js';
import { formatNumber } from './sentences.js';
import { printedName } from './templates.js';

const PART2 = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface HtmlOptions {
  /** link each figure to its records (the staff view); the public portal omits it */
  recordLinks: boolean;
}

/** The URL of the records behind a figure (GET /api/metrics/:id/records). */
export function recordsUrl(f: { metricId: string; orgId: string; from: string; to: string }): string {
  const q = new URLSearchParams({ orgId: f.orgId, from: f.from, to: f.to });
  return `/api/metrics/${encodeURIComponent(f.metricId)}/records?${q.toString()}`;
}

/** The report as one HTML page in the layout of the .docx, with its provenance appendix. */
/** The report itself (title to appendix), without a page around it. */
export function renderReportArticle(c: ReportContent, opts: HtmlOptions = { recordLinks: true }): string {
  const refNo = new Map(c.figures.map((f, i) => [f.metricId, i + 1]));
  const refs = (ids: readonly string[]) =>
    ids
      .map((id) => refNo.get(id))
      .filter((n): n is number => n !== undefined)
      .map((n) => `<sup><a href="#fig-${n}">[${n}]</a></sup>`)
      .join('');
  const figureOf = new Map(c.figures.map((f) => [f.metricId, f]));
  const previousOf = new Map((c.previous ?? []).map((f) => [f.metricId, f]));
  /**
   * each number (and stated zero) of a sentence links to the records behind its figure; a
   * comparison links to the previous year's records and names the previous value
   */
  const linked = (text: string, links: readonly SentenceLink[]) => {
    let out = '';
    let at = 0;
    for (const l of links) {
      const f = (l.comparison ? previousOf : figureOf).get(l.metricId);
      if (!f || l.start < at) continue;
      const title = l.comparison
        ? `${printedName(f.name)}:上年${f.value === null ? '无数据' : `${formatNumber(f.value)}${f.unit}`}`
        : printedName(f.name);
      out += escapeHtml(text.slice(at, l.start));
      out += `<a class="${l.comparison ? 'cmp' : 'fig'}" href="${escapeHtml(recordsUrl(f))}" title="${escapeHtml(title)}">${escapeHtml(text.slice(l.start, l.end))}</a>`;
      at = l.end;
    }
    return out + escapeHtml(text.slice(at));
  };
  const parts = c.parts
    .map((p, i) => {
      let n = 0;
      const sections = p.sections
        .map((s) => {
          const texts = s.sentences.map((x) =>
            x.links && opts.recordLinks
              ? linked(x.text, x.links)
              : `${escapeHtml(x.text)}${refs(x.metricIds)}`,
          );
          if (s.narrative) texts.push(escapeHtml(s.narrative));
          if (texts.length === 0) return '';
          const title = s.title ? `<h3>(${PART2[n++]})${escapeHtml(s.title)}</h3>` : '';
          return `${title}<p>${texts.join('')}</p>`;
        })
        .join('');
      const narrative = partIsEmpty(p)
        ? `<p class="todo">${escapeHtml(placeholderText(p.key))}</p>`
        : p.narrative
            .split(/\n+/)
            .filter((x) => x.trim() !== '')
            .map((x) => `<p>${escapeHtml(x.trim())}</p>`)
            .join('');
      return `<section><h2>${escapeHtml(partHeading(c, i))}</h2>${sections}${narrative}</section>`;
    })
    .join('');
  const rows = c.figures
    .map((f, i) => {
      const value =
        f.value === null ? '未填报' : `${formatNumber(f.value)}${f.unit === ':1' ? '∶1' : f.unit}`;
      const shown = opts.recordLinks
        ? `<a href="${escapeHtml(recordsUrl(f))}">${escapeHtml(value)}</a>`
        : escapeHtml(value);
      return `<tr id="fig-${i + 1}"><td>${i + 1}</td><td>${escapeHtml(printedName(f.name))}</td><td>${escapeHtml(f.definition)}</td><td>${escapeHtml(f.orgName)}及所属单位</td><td>${f.from}至${f.to}</td><td>${shown}</td></tr>`;
    })
    .join('');
  return `<h1>${escapeHtml(c.title)}</h1>
<p>${escapeHtml(c.preamble)}</p>
${parts}
<p class="sign">${escapeHtml(c.orgName)}</p><p class="sign">${chineseDate(c.generatedAt)}</p>
<h2 style="text-indent:0;margin-top:2em">附件</h2>
<h3 style="text-align:center;text-indent:0">报告所引数据来源说明</h3>
<table><thead><tr><th>序号</th><th>指标</th><th>口径</th><th>统计范围</th><th>统计期</th><th>数值</th></tr></thead><tbody>${rows}</tbody></table>
`;
}

/** The report's own typography (GB/T 9704 公文格式), under `scope` when framed in another page. */
export function reportStyle(scope: string): string {
  return [
    'h1{font:22pt/1.6 "方正小标宋简体","STZhongsong",serif;text-align:center;margin:0 0 28.95pt}',
    'h2{font:16pt/28.95pt "黑体","SimHei",sans-serif;text-indent:2em;margin:0}',
    'h3{font:16pt/28.95pt "楷体_GB2312","KaiTi",serif;text-indent:2em;margin:0}',
    'p{text-indent:2em;margin:0;text-align:justify}',
    '.sign{text-align:right;padding-right:4em;text-indent:0}',
    'table{border-collapse:collapse;font-size:12pt;line-height:1.5;width:100%}',
    'td,th{border:1px solid #000;padding:2px 4px;vertical-align:top}',
    'sup a{font-size:9pt;text-decoration:none}',
    '.todo{color:#c00}',
  ]
    .map((rule) => (scope ? `${scope} ${rule.replace('td,th{', `td,${scope} th{`)}` : rule))
    .join('\n');
}

/** A whole page of the report, as the staff preview and the Word-like print show it. */
export function renderReportHtml(c: ReportContent, opts: HtmlOptions = { recordLinks: true }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(c.title)}</title>
<style>
body{max-width:156mm;margin:2em auto;padding:0 1em;font:16pt/28.95pt "仿宋_GB2312","FangSong",serif;color:#000}
${reportStyle('')}
</style></head><body>
${renderReportArticle(c, opts)}
</body></html>`;
}
