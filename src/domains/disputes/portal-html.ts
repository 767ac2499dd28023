/** The public pages of 行政复议 (网上申请, 进度查询, 复议决定书公开): plain HTML in the one frame. */
import { portalPager } from '../../platform/http/portal-list.js';
import { escapeHtml as esc, portalPage } from '../../platform/http/portal-page.js';
import {
  PORTAL_MAX_FILE_BYTES,
  PORTAL_MAX_FILES,
  type PublicStatus,
  type PublishedDecision,
} from './reconsideration/online.js';
import { actKindLabels } from './reconsideration/labels.js';

export const RECON_PORTAL = '/portal/reconsideration';
const TRAIL = { label: '行政复议', href: RECON_PORTAL };

const page = (title: string, body: string, trail: { label: string; href?: string }[] = []) =>
  portalPage({ title, body, breadcrumbs: [TRAIL, ...trail] });

const MB = PORTAL_MAX_FILE_BYTES / 1024 / 1024;
const tabs = `<p><a href="${RECON_PORTAL}">网上申请行政复议</a> · <a href="${RECON_PORTAL}/lookup">查询办理进度</a> · <a href="${RECON_PORTAL}/decisions">行政复议决定书公开</a></p>`;

const notice = (error: string | undefined) =>
  error ? `<p class="notice" role="alert"><strong>未能提交:</strong>${esc(error)}</p>` : '';

/** The application form; `values` refills what the applicant typed when a field is refused. */
export function applicationFormHtml(
  respondents: readonly { id: string; name: string }[],
  values: Record<string, string> = {},
  error?: string,
): string {
  const v = (k: string) => esc(values[k] ?? '');
  const opt = (value: string, label: string, current: string | undefined) =>
    `<option value="${esc(value)}"${current === value ? ' selected' : ''}>${esc(label)}</option>`;
  const input = (name: string, label: string, attrs = '') =>
    `<label>${label}<input name="${name}" value="${v(name)}" ${attrs}></label>`;
  const area = (name: string, label: string, attrs = '') =>
    `<label style="flex-basis:100%">${label}<textarea name="${name}" rows="5" style="font:inherit;width:100%" ${attrs}>${v(name)}</textarea></label>`;
  return page(
    '网上申请行政复议',
    `<h1>网上申请行政复议</h1>${tabs}${notice(error)}
<p class="muted">公民、法人或者其他组织认为行政行为侵犯其合法权益的,可以自知道该行政行为之日起六十日内提出行政复议申请(《中华人民共和国行政复议法》第二十条)。网上提交之日即为收到申请之日。提交后将显示受理回执号和查询码,请妥善保存,凭二者查询办理进度。</p>
<form method="post" action="${RECON_PORTAL}" enctype="multipart/form-data">
<fieldset style="flex-basis:100%;display:flex;flex-wrap:wrap;gap:.5rem 1rem;border:1px solid #d0d0d0"><legend>申请人</legend>
<label>申请人类型<select name="applicantKind">${opt('person', '公民', values.applicantKind)}${opt('organisation', '法人或者其他组织', values.applicantKind)}</select></label>
${input('applicantName', '姓名或名称(必填)', 'required maxlength="100"')}
${input('applicantIdNo', '身份证件号码或统一社会信用代码', 'maxlength="30"')}
${input('applicantPhone', '联系电话(必填)', 'required maxlength="30" inputmode="tel"')}
${input('applicantAddress', '通讯地址', 'maxlength="200"')}</fieldset>
<fieldset style="flex-basis:100%;display:flex;flex-wrap:wrap;gap:.5rem 1rem;border:1px solid #d0d0d0"><legend>被申请复议的行政行为</legend>
<label>被申请人(必填)<select name="respondentOrgId" required><option value="">请选择作出行政行为的机关</option>${respondents.map((o) => opt(o.id, o.name, values.respondentOrgId)).join('')}</select></label>
${input('actTitle', '行政行为名称(必填)', 'required maxlength="200" placeholder="如:行政处罚决定"')}
${input('actDocumentNo', '文书编号', 'maxlength="60"')}
<label>行为类别<select name="actKind">${Object.entries(actKindLabels)
      .map(([k, l]) => opt(k, l, values.actKind ?? 'other'))
      .join('')}</select></label>
${input('actActedOn', '作出日期', 'type="date"')}
${input('actKnownOn', '知道该行为的日期(必填)', 'type="date" required')}</fieldset>
${area('request', '复议请求(必填)', 'required maxlength="2000"')}
${area('reasons', '事实和理由(必填)', 'required maxlength="8000"')}
<label style="flex-basis:100%">证据材料(可选,最多 ${PORTAL_MAX_FILES} 个,每个不超过 ${MB} MB;PDF、图片、Word 或文本文件)<input type="file" name="attachments" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt,.txt"></label>
<button type="submit">提交申请</button></form>`,
  );
}

export function receiptHtml(r: {
  receiptNo: string;
  secret: string;
  receivedOn: string;
  orgName: string;
}): string {
  return page(
    '申请已提交',
    `<h1>行政复议申请已提交</h1>${tabs}
<dl><dt>受理回执号</dt><dd><strong>${esc(r.receiptNo)}</strong></dd><dt>查询码</dt><dd><strong>${esc(r.secret)}</strong></dd>
<dt>收到申请日期</dt><dd>${esc(r.receivedOn)}</dd><dt>被申请人</dt><dd>${esc(r.orgName)}</dd></dl>
<p class="notice">请记下受理回执号和查询码:查询码只显示这一次,本网站不保存其原文。</p>
<p class="muted">行政复议机构将在五个工作日内进行审查,决定是否受理;材料不齐全的,将一次性通知补正(《中华人民共和国行政复议法》第三十条、第三十一条)。</p>
<p><a href="${RECON_PORTAL}/lookup?receiptNo=${encodeURIComponent(r.receiptNo)}">查询办理进度</a></p>`,
    [{ label: '申请已提交' }],
  );
}

export function lookupFormHtml(receiptNo = '', error?: string): string {
  return page(
    '查询办理进度',
    `<h1>查询行政复议申请办理进度</h1>${tabs}${error ? `<p class="notice" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="${RECON_PORTAL}/lookup">
<label>受理回执号<input name="receiptNo" value="${esc(receiptNo)}" required maxlength="40" autocomplete="off"></label>
<label>查询码<input name="secret" type="password" required maxlength="40" autocomplete="off"></label>
<button type="submit">查询</button></form>`,
    [{ label: '查询办理进度' }],
  );
}

export function statusHtml(s: PublicStatus): string {
  const steps = s.steps.map((x) => `<tr><td>${esc(x.date)}</td><td>${esc(x.label)}</td></tr>`).join('');
  return page(
    '办理进度',
    `<h1>办理进度:${esc(s.statusLabel)}</h1>${tabs}
<dl><dt>受理回执号</dt><dd>${esc(s.receiptNo)}</dd><dt>案号</dt><dd>${esc(s.caseNo)}</dd><dt>被申请人</dt><dd>${esc(s.orgName)}</dd>
<dt>收到申请日期</dt><dd>${esc(s.receivedOn)}</dd><dt>受理日期</dt><dd>${esc(s.acceptedOn ?? '—')}</dd>
<dt>决定日期</dt><dd>${esc(s.decidedOn ?? '—')}</dd><dt>决定类型</dt><dd>${esc(s.outcomeLabel ?? '—')}</dd></dl>
<h2>办理环节</h2><table><thead><tr><th>日期</th><th>环节</th></tr></thead><tbody>${steps}</tbody></table>`,
    [{ label: '办理进度' }],
  );
}

export function decisionsHtml(
  list: { items: Omit<PublishedDecision, 'text' | 'documentNo' | 'actKindLabel'>[]; total: number },
  current: number,
  pageSize: number,
): string {
  const rows = list.items
    .map(
      (d) =>
        `<tr><td><a href="${RECON_PORTAL}/decisions/${d.id}">${esc(d.caseNo)}</a></td><td>${esc(d.applicant)}</td><td>${esc(d.orgName)}</td><td>${esc(d.actTitle)}</td><td>${esc(d.outcomeLabel ?? '')}</td><td>${esc(d.decidedOn ?? '')}</td><td>${esc(d.publishedOn)}</td></tr>`,
    )
    .join('');
  const nav = portalPager({
    path: `${RECON_PORTAL}/decisions`,
    filters: {},
    total: list.total,
    page: current,
    pageSize,
    unit: '件',
  });
  return page(
    '行政复议决定书公开',
    `<h1>行政复议决定书公开</h1>${tabs}${
      rows
        ? `<table><thead><tr><th>案号</th><th>申请人</th><th>被申请人</th><th>被申请复议的行政行为</th><th>决定类型</th><th>决定日期</th><th>公开日期</th></tr></thead><tbody>${rows}</tbody></table>${nav}`
        : '<p>暂无公开的行政复议决定书。</p>'
    }`,
    [{ label: '决定书公开', href: `${RECON_PORTAL}/decisions` }],
  );
}

export function decisionHtml(d: PublishedDecision): string {
  const text = d.text
    ? d.text
        .split(/\n+/)
        .map((p) => `<p>${esc(p)}</p>`)
        .join('')
    : '<p class="muted">决定书正文未录入。</p>';
  return page(
    `${d.caseNo}行政复议决定书`,
    `<p><a href="${RECON_PORTAL}/decisions">← 返回决定书列表</a></p><h1>行政复议决定书</h1>
<dl><dt>案号</dt><dd>${esc(d.caseNo)}</dd><dt>文书编号</dt><dd>${esc(d.documentNo ?? '—')}</dd><dt>申请人</dt><dd>${esc(d.applicant)}</dd>
<dt>被申请人</dt><dd>${esc(d.orgName)}</dd><dt>被申请复议的行政行为</dt><dd>${esc(d.actTitle)}(${esc(d.actKindLabel)})</dd>
<dt>决定类型</dt><dd>${esc(d.outcomeLabel ?? '—')}</dd><dt>决定日期</dt><dd>${esc(d.decidedOn ?? '—')}</dd><dt>公开日期</dt><dd>${esc(d.publishedOn)}</dd></dl>
<h2>正文</h2>${text}`,
    [{ label: '决定书公开', href: `${RECON_PORTAL}/decisions` }, { label: d.caseNo }],
  );
}

/** A refusal on a public page (e.g. a body over the limit), in the frame. */
export function refusalHtml(message: string): string {
  return page(
    '未能提交',
    `<h1>未能提交</h1><p class="notice" role="alert">${esc(message)}</p><p><a href="${RECON_PORTAL}">返回申请页面</a></p>`,
  );
}
