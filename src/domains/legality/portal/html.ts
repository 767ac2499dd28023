import { escapeHtml, portalPage } from '../../../platform/http/portal-page.js';
import { portalOption, portalPager } from '../../../platform/http/portal-list.js';
import { COMMENT_MAX } from './rules.js';
import type {
  Consultation,
  PublicDecision,
  PublicDocument,
  PublicDocumentDetail,
  listConsultations,
  publicDecisionCatalogue,
} from './service.js';

const esc = escapeHtml;
const DOCS = '规范性文件库';
const DECISIONS = '重大行政决策';
const CONSULT = '意见征集';

function page(
  section: { label: string; href: string },
  title: string,
  body: string,
  current?: string,
): string {
  return portalPage({
    title,
    body,
    breadcrumbs: [{ label: section.label, href: section.href }, ...(current ? [{ label: current }] : [])],
    // long titles and numbers wrap on a phone; tables scroll inside their box
    style:
      '.scroll{overflow-x:auto}.scroll table{min-width:36rem}.body{white-space:pre-wrap;line-height:1.9}',
  });
}
const docs = { label: DOCS, href: '/portal/documents' };
const decisions = { label: DECISIONS, href: '/portal/decisions' };
const consult = { label: CONSULT, href: '/portal/consultations' };

export function documentListHtml(v: {
  filter: { q?: string | undefined; state?: string | undefined; year?: number | undefined };
  page: number;
  pageSize: number;
  items: PublicDocument[];
  total: number;
  notice: string | null;
}): string {
  const f = v.filter;
  const states = { valid: '现行有效', amended: '已修改', lapsed: '已失效' };
  const form = `<form method="get" action="/portal/documents">
<label>关键词 <input name="q" value="${esc(f.q ?? '')}" placeholder="标题、文号、正文" size="24"></label>
<label>效力状态 <select name="state"><option value="">全部</option>${Object.entries(states)
    .map(([k, l]) => portalOption(k, l, f.state === k))
    .join('')}</select></label>
<label>年度 <input name="year" inputmode="numeric" size="5" value="${f.year ?? ''}"></label>
<button type="submit">查询</button></form>`;
  const rows = v.items
    .map(
      (d) =>
        `<tr><td><a href="/portal/documents/${d.id}">${esc(d.title)}</a></td><td>${esc(d.docNumber ?? '')}</td><td>${esc(d.orgName)}</td><td>${d.publishedOn ?? ''}</td><td>${d.effectiveOn ?? ''}</td><td>${d.validUntil ?? ''}</td><td>${esc(d.stateLabel)}</td><td>${d.cleanupLabel ? `${esc(d.cleanupLabel)}(${d.cleanupOn})` : '—'}</td></tr>`,
    )
    .join('');
  const nav = portalPager({
    path: docs.href,
    filters: f,
    total: v.total,
    page: v.page,
    pageSize: v.pageSize,
    unit: '件',
  });
  return page(
    docs,
    DOCS,
    `<h1>${DOCS}</h1><p>经合法性审核、集体审议,统一登记、统一编号、统一印发的行政规范性文件,含效力状态和清理结果。</p>${form}${
      v.notice ? `<p class="notice">${esc(v.notice)}</p>` : ''
    }${
      rows
        ? `<div class="scroll" tabindex="0" role="region" aria-label="表格(可左右滚动)"><table><thead><tr><th>标题</th><th>文号</th><th>制定机关</th><th>公布日期</th><th>施行日期</th><th>有效期至</th><th>效力状态</th><th>清理结果</th></tr></thead><tbody>${rows}</tbody></table></div>${nav}`
        : '<p>没有符合条件的规范性文件。</p>'
    }`,
  );
}

export function documentDetailHtml(d: PublicDocumentDetail): string {
  const fields: [string, string | null][] = [
    ['文号', d.docNumber],
    ['制定机关', d.orgName],
    ['公布日期', d.publishedOn],
    ['施行日期', d.effectiveOn],
    ['有效期至', d.validUntil],
    ['效力状态', d.stateLabel],
  ];
  const dl = fields
    .filter((x): x is [string, string] => Boolean(x[1]))
    .map(([l, v]) => `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`)
    .join('');
  const cleanups = d.cleanups.length
    ? `<h2>清理情况</h2><ul>${d.cleanups
        .map((c) => `<li>${c.decidedOn} ${esc(c.campaign)}:${esc(c.outcomeLabel)}。${esc(c.reason)}</li>`)
        .join('')}</ul>`
    : '';
  return page(
    docs,
    d.docNumber ? `${d.docNumber} ${d.title}` : d.title,
    `<h1>${esc(d.title)}</h1><dl>${dl}</dl>${cleanups}<h2>正文</h2><div class="body">${esc(d.body) || '(正文未录入)'}</div><p><a href="/portal/documents">返回${DOCS}</a></p>`,
    d.docNumber ?? d.title,
  );
}

export function catalogueHtml(
  year: number,
  cats: Awaited<ReturnType<typeof publicDecisionCatalogue>>,
): string {
  const years = [year - 1, year + 1]
    .map((y) => `<a href="/portal/decisions?year=${y}">${y} 年度</a>`)
    .join(' ');
  const body = cats.length
    ? cats
        .map(
          (c) =>
            `<h2>${esc(c.orgName)} ${c.year} 年度重大行政决策事项目录</h2><p class="muted">${c.publishedOn} 经同级党委同意后公布${c.adjustmentCount ? `,已调整 ${c.adjustmentCount} 次` : ''}</p><div class="scroll" tabindex="0" role="region" aria-label="表格(可左右滚动)"><table><thead><tr><th>序号</th><th>决策事项</th><th>类别</th><th>承办单位</th><th>进展</th></tr></thead><tbody>${c.decisions
              .map(
                (d, i) =>
                  `<tr><td>${i + 1}</td><td><a href="/portal/decisions/${d.id}">${esc(d.title)}</a></td><td>${esc(d.categoryLabel)}</td><td>${esc(d.undertakingOrg)}</td><td>${esc(d.statusLabel)}${d.decidedOn ? `(${d.decidedOn} 决定)` : ''}</td></tr>`,
              )
              .join('')}</tbody></table></div>`,
        )
        .join('')
    : `<p>${year} 年度的决策事项目录尚未公布。</p>`;
  return page(
    decisions,
    `${year} 年度重大行政决策事项目录`,
    `<h1>${year} 年度重大行政决策事项目录</h1>${body}<p>其他年度:${years}</p>`,
  );
}

export function decisionHtml(d: PublicDecision): string {
  const dl = [
    ['决策机关', d.orgName],
    ['事项类别', d.categoryLabel],
    ['承办单位', d.undertakingOrg],
    ['进展', d.statusLabel],
    ...d.steps.map((s) => [s.label, s.value]),
  ]
    .map(([l, v]) => `<dt>${esc(l ?? '')}</dt><dd>${esc(v ?? '')}</dd>`)
    .join('');
  return page(
    decisions,
    d.title,
    `<h1>${esc(d.title)}</h1><p class="muted">${d.year} 年度重大行政决策事项</p><dl>${dl}</dl><p><a href="/portal/decisions?year=${d.year}">返回 ${d.year} 年度目录</a></p>`,
    d.title,
  );
}

export function consultationListHtml(v: Awaited<ReturnType<typeof listConsultations>>): string {
  const list = (items: typeof v.open, closed: boolean) =>
    items.length
      ? `<ul>${items
          .map(
            (i) =>
              `<li><a href="/portal/consultations/${i.kind}/${i.id}">${esc(i.title)}</a><br><span class="muted">${esc(i.kindLabel)} · ${esc(i.orgName)} · ${i.commentFrom} 至 ${i.commentTo}${closed ? ' · 查看采纳情况' : ''}</span></li>`,
          )
          .join('')}</ul>`
      : `<p>${closed ? '去年以来没有已结束的征求意见。' : '目前没有正在征求意见的草案。'}</p>`;
  return page(
    consult,
    CONSULT,
    `<h1>${CONSULT}</h1><p>规范性文件草案和重大行政决策草案向社会公开征求意见。提交的意见经审核后公开,姓名和联系方式不公开。</p><h2>正在征求意见</h2>${list(v.open, false)}<h2>已结束(意见采纳情况)</h2>${list(v.closed, true)}`,
  );
}

export function consultationHtml(
  c: Consultation,
  form: { error?: string | undefined; receiptNo?: string | undefined; body?: string | undefined } = {},
): string {
  const head = `<h1>${esc(c.title)}</h1><p class="muted">${esc(c.kindLabel)}草案 · ${esc(c.orgName)} · 征求意见期 ${c.commentFrom} 至 ${c.commentTo} · ${esc(c.stateLabel)}</p>`;
  const text = c.body ? `<h2>草案全文</h2><div class="body">${esc(c.body)}</div>` : '';
  const action = `/portal/consultations/${c.kind}/${c.id}`;
  const receipt = form.receiptNo
    ? `<p class="notice" role="status">意见已收到,回执号 <strong>${esc(form.receiptNo)}</strong>。请保存回执号,可凭其查询审核和采纳情况。</p>`
    : '';
  const error = form.error ? `<p class="notice" role="alert">${esc(form.error)}</p>` : '';
  const commentForm =
    c.state === 'open'
      ? `<h2>提交意见</h2>${receipt}${error}<form method="post" action="${action}">
<label>意见内容(必填,不超过 ${COMMENT_MAX} 字)<br><textarea name="body" rows="8" style="width:100%" required maxlength="${COMMENT_MAX}">${esc(form.body ?? '')}</textarea></label>
<label>姓名(选填,不公开) <input name="name" maxlength="50"></label>
<label>联系方式(选填,不公开) <input name="contact" maxlength="100" inputmode="tel"></label>
<button type="submit">提交意见</button></form>`
      : '';
  const summary = c.summary
    ? `<h2>意见采纳情况</h2><p>共收到意见 ${c.summary.received} 条,其中采纳 ${c.summary.adopted} 条、部分采纳 ${c.summary.partlyAdopted} 条、未采纳 ${c.summary.notAdopted} 条。</p>${
        c.summary.comments.length
          ? `<div class="scroll" tabindex="0" role="region" aria-label="表格(可左右滚动)"><table><thead><tr><th>回执号</th><th>意见</th><th>采纳情况</th><th>答复</th></tr></thead><tbody>${c.summary.comments
              .map(
                (s) =>
                  `<tr><td>${esc(s.receiptNo)}</td><td>${esc(s.body)}</td><td>${esc(s.adoptionLabel)}</td><td>${esc(s.reply)}</td></tr>`,
              )
              .join('')}</tbody></table></div>`
          : ''
      }`
    : '';
  return page(
    consult,
    c.title,
    `${head}${commentForm}${summary}${text}<p><a href="/portal/consultations">返回${CONSULT}</a></p>`,
    c.title,
  );
}
