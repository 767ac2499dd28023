import { portalOption, portalPager } from '../../../platform/http/portal-list.js';
import { byName, escapeHtml, portalPage } from '../../../platform/http/portal-page.js';
import {
  type PortalKind,
  portalKindLabels,
  type PortalPublication,
  publicationFields,
} from './portal-rules.js';
import { type PenaltyKind, penaltyKindLabels } from '../cases/schema.js';

const esc = escapeHtml;

const TITLE = '行政执法决定公示';

function page(title: string, body: string, current?: string): string {
  return portalPage({
    title,
    body,
    breadcrumbs: [{ label: TITLE, href: '/portal/publications' }, ...(current ? [{ label: current }] : [])],
  });
}

/** The detail page of one decision: the portal shows it, the staff preview returns the same HTML. */
export function publicationDetailHtml(p: PortalPublication): string {
  const rows = publicationFields(p)
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`)
    .join('');
  // the page is named by the decision, never by the person it concerns
  const no = p.decisionNo ?? p.caseNo;
  return page(
    `${no} ${p.kindLabel}决定公示`,
    `<h1>${esc(p.kindLabel)}决定信息公示</h1><p class="muted">${esc(no)}</p><dl>${rows}</dl><p><a href="/portal/publications">返回${TITLE}列表</a></p>`,
    no,
  );
}

/** A withdrawn decision (行政处罚法 第四十八条): the date of withdrawal, never the content. */
export function withdrawnHtml(withdrawnOn: string | null): string {
  const when = withdrawnOn ? `已于 ${withdrawnOn} 撤回` : '已撤回';
  return page(
    `${TITLE}(已撤回)`,
    `<h1>该公示信息${esc(when)}</h1><p>原行政执法决定已被变更、撤销或者确认违法、无效,公示信息依法撤回。</p><p><a href="/portal/publications">返回${TITLE}列表</a></p>`,
    '已撤回',
  );
}

export interface ListView {
  filter: {
    q?: string | undefined;
    orgId?: string | undefined;
    kind?: PortalKind | undefined;
    penalty?: PenaltyKind | undefined;
    from?: string | undefined;
    to?: string | undefined;
  };
  page: number;
  pageSize: number;
  items: PortalPublication[];
  total: number;
  notice: string | null;
  orgs: { id: string; name: string }[];
}

/** The list page: filters, search box, a table of published decisions and paging links. */
export function publicationListHtml(v: ListView): string {
  const f = v.filter;
  const form = `<form method="get" action="/portal/publications">
<label>关键词 <input name="q" value="${esc(f.q ?? '')}" placeholder="当事人、案号、违法事实、依据" size="28"></label>
<label>部门 <select name="orgId"><option value="">全部</option>${[...v.orgs]
    .sort(byName)
    .map((o) => portalOption(o.id, o.name, f.orgId === o.id))
    .join('')}</select></label>
<label>类别 <select name="kind"><option value="">全部</option>${Object.entries(portalKindLabels)
    .map(([k, l]) => portalOption(k, l, f.kind === k))
    .join('')}</select></label>
<label>处罚种类 <select name="penalty"><option value="">全部</option>${Object.entries(penaltyKindLabels)
    .map(([k, l]) => portalOption(k, l, f.penalty === k))
    .join('')}</select></label>
<label>决定日期 <input type="date" name="from" value="${esc(f.from ?? '')}"> 至 <input type="date" name="to" value="${esc(f.to ?? '')}"></label>
<button type="submit">查询</button></form>`;
  const rows = v.items
    .map(
      (p) =>
        `<tr><td><a href="/portal/publications/${p.id}">${esc(p.partyName)}</a></td><td>${esc(p.kindLabel)}</td><td>${esc(p.decisionNo ?? p.caseNo)}</td><td>${esc(p.penalties.join('、'))}</td><td>${esc(p.orgName)}</td><td>${p.decidedOn}</td><td>${p.publishedOn ?? ''}</td></tr>`,
    )
    .join('');
  const nav = portalPager({
    path: '/portal/publications',
    filters: f,
    total: v.total,
    page: v.page,
    pageSize: v.pageSize,
    unit: '条',
  });
  const notice = v.notice ? `<p class="notice">${esc(v.notice)}</p>` : '';
  return page(
    TITLE,
    `<h1>${TITLE}</h1><p>行政许可、行政处罚决定自作出之日起七个工作日内公示;当事人的身份证号码、联系方式、住址、银行账号等个人信息依法隐去,涉及未成年人的决定不予公开。</p>${form}${notice}${
      rows
        ? `<table><thead><tr><th>行政相对人</th><th>类别</th><th>决定书文号</th><th>处罚种类</th><th>执法机关</th><th>决定日期</th><th>公示日期</th></tr></thead><tbody>${rows}</tbody></table>${nav}`
        : '<p>没有符合条件的公示信息。</p>'
    }`,
  );
}
