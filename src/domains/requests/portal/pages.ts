import { byName, escapeHtml as esc, portalPage } from '../../../platform/http/portal-page.js';
import { applicantKindLabels } from '../disclosure/schema.js';
import { petitionCategoryLabels, petitionerKindLabels } from '../petitions/schema.js';
import { deliveryLabels, formLabels, type PublicStatus, type Receipt } from './service.js';

/** The two online forms of the public site (plain HTML forms, no script). */
export const DISCLOSURE_PATH = '/portal/disclosure';
export const PETITION_PATH = '/portal/petition';

type Values = Record<string, string | undefined>;
type Org = { id: string; name: string };

const STYLE = `form.apply{display:grid;grid-template-columns:1fr;gap:.75rem;max-width:40rem}
form.apply label{font-size:1rem}textarea{font:inherit;font-size:1rem;padding:.3rem .5rem;border:1px solid #767676;border-radius:3px;min-height:7rem;width:100%}
form.apply input,form.apply select{width:100%}.error{color:#9e1b1b;font-weight:700}.receipt{font-size:1.25rem}
.req{color:#9e1b1b}`;

function option(value: string, label: string, selected: string | undefined): string {
  return `<option value="${esc(value)}"${selected === value ? ' selected' : ''}>${esc(label)}</option>`;
}

const orgSelect = (orgs: readonly Org[], v: Values) =>
  `<label>受理机关 <span class="req">*</span><select name="orgId" required><option value="">请选择</option>${[
    ...orgs,
  ]
    .sort(byName)
    .map((o) => option(o.id, o.name, v.orgId))
    .join('')}</select></label>`;

const input = (name: string, label: string, v: Values, extra = '') =>
  `<label>${label} <span class="req">*</span><input name="${name}" value="${esc(v[name] ?? '')}" required ${extra}></label>`;

const errorBlock = (error: string | undefined) =>
  error ? `<p class="error" role="alert">${esc(error)}</p>` : '';

function frame(path: string, section: string, title: string, body: string): string {
  return portalPage({
    title,
    body,
    style: STYLE,
    breadcrumbs: [{ label: section, href: path }, ...(title === section ? [] : [{ label: title }])],
  });
}

const lookupForm = (path: string, v: Values = {}) =>
  `<h2>办理进度查询</h2><form method="post" action="${path}/status"><label>受理编号 <input name="receiptNo" value="${esc(v.receiptNo ?? '')}" required autocomplete="off"></label><label>查询码 <input name="secret" required autocomplete="off"></label><button type="submit">查询</button></form>`;

export function disclosureFormHtml(orgs: readonly Org[], v: Values = {}, error?: string): string {
  const kinds = Object.entries(applicantKindLabels)
    .map(([k, l]) => option(k, k === 'person' ? l : `法人或其他组织:${l}`, v.applicantKind))
    .join('');
  const body = `<h1>政府信息公开申请</h1>
<p class="muted">依据《中华人民共和国政府信息公开条例》第二十九条,网上提交的申请以提交之日为收到申请之日(第三十一条),行政机关自收到申请之日起 20 个工作日内答复。提交后请保存受理编号和查询码,用于查询办理进度。</p>
${errorBlock(error)}<form class="apply" method="post" action="${DISCLOSURE_PATH}">
${orgSelect(orgs, v)}
<label>申请人类型 <span class="req">*</span><select name="applicantKind" required><option value="">请选择</option>${kinds}</select></label>
${input('applicantName', '申请人姓名或名称', v, 'maxlength="100"')}
${input('applicantContact', '联系方式(电话、通信地址或电子邮箱)', v, 'maxlength="100"')}
<label>所需政府信息的名称、文号或便于查询的其他特征性描述 <span class="req">*</span><textarea name="subject" required maxlength="500">${esc(v.subject ?? '')}</textarea></label>
<label>信息的提供形式 <span class="req">*</span><select name="form" required>${Object.entries(formLabels)
    .map(([k, l]) => option(k, l, v.form))
    .join('')}</select></label>
<label>获取信息的方式 <span class="req">*</span><select name="delivery" required>${Object.entries(
    deliveryLabels,
  )
    .map(([k, l]) => option(k, l, v.delivery))
    .join('')}</select></label>
<button type="submit">提交申请</button></form>${lookupForm(DISCLOSURE_PATH)}`;
  return frame(DISCLOSURE_PATH, '政府信息公开申请', '政府信息公开申请', body);
}

export function petitionFormHtml(orgs: readonly Org[], v: Values = {}, error?: string): string {
  const body = `<h1>网上信访</h1>
<p class="muted">依据《信访工作条例》,有权处理的机关应当自收到信访事项之日起 15 日内决定是否受理并告知信访人。请如实填写,提交后请保存受理编号和查询码。</p>
${errorBlock(error)}<form class="apply" method="post" action="${PETITION_PATH}">
${orgSelect(orgs, v)}
<label>信访人类型 <span class="req">*</span><select name="petitionerKind" required>${Object.entries(
    petitionerKindLabels,
  )
    .map(([k, l]) => option(k, l, v.petitionerKind))
    .join('')}</select></label>
${input('petitionerName', '信访人姓名或名称', v, 'maxlength="100"')}
<label>人数(集体或联名信访填写)<input name="persons" type="number" min="1" max="10000" value="${esc(v.persons ?? '1')}"></label>
${input('petitionerContact', '联系方式(电话或通信地址)', v, 'maxlength="100"')}
<label>诉求类型 <span class="req">*</span><select name="category" required>${Object.entries(
    petitionCategoryLabels,
  )
    .map(([k, l]) => option(k, l, v.category))
    .join('')}</select></label>
<label>信访事项(事实、理由和请求) <span class="req">*</span><textarea name="subject" required maxlength="1000">${esc(v.subject ?? '')}</textarea></label>
<button type="submit">提交</button></form>${lookupForm(PETITION_PATH)}`;
  return frame(PETITION_PATH, '网上信访', '网上信访', body);
}

export function receiptHtml(path: string, section: string, r: Receipt): string {
  const body = `<h1>提交成功</h1>
<dl class="receipt"><dt>受理编号</dt><dd>${esc(r.receiptNo)}</dd><dt>查询码</dt><dd>${esc(r.secret)}</dd><dt>受理机关</dt><dd>${esc(r.orgName)}</dd><dt>收到日期</dt><dd>${esc(r.receivedOn)}</dd></dl>
<p class="notice">查询码只显示这一次,请抄录或截图保存。凭受理编号和查询码可在本页查询办理进度和答复结果。</p>
${lookupForm(path, { receiptNo: r.receiptNo })}`;
  return frame(path, section, '提交成功', body);
}

export function statusHtml(path: string, section: string, s: PublicStatus | null, error?: string): string {
  const row = (k: string, v: string) => `<dt>${k}</dt><dd>${esc(v)}</dd>`;
  const body = s
    ? `<h1>办理进度</h1><dl>${[
        row('受理编号', s.receiptNo),
        row('受理机关', s.orgName),
        row('收到日期', s.receivedOn),
        row('办理状态', s.statusLabel),
        row(
          '答复期限',
          s.dueOn ? `${s.dueOn}${s.dueProvisional ? '(暂估)' : ''}${s.extended ? '(已延长)' : ''}` : '—',
        ),
        row('答复日期', s.answeredOn ?? '—'),
        row(path === DISCLOSURE_PATH ? '答复类型' : '处理结果', s.outcomeLabel ?? '—'),
        row('办结日期', s.closedOn ?? '—'),
      ].join('')}</dl>${lookupForm(path)}`
    : `<h1>办理进度查询</h1>${errorBlock(error)}${lookupForm(path)}`;
  return frame(path, section, '办理进度', body);
}
