import {
  decisionCategoryLabels,
  discussionResultLabels,
  evaluationOutcomeLabels,
  type evaluationTriggerLabels,
  riskLevelLabels,
} from '../../../domains/legality/decisions/labels.js';
import { filingOutcomeLabels } from '../../../domains/legality/documents/labels.js';
import {
  adoptionLabels,
  conclusionLabels,
  reviewKindLabels,
} from '../../../domains/legality/review/labels.js';
import { optionsOf } from '../../components/options.js';
/**
 * The legality forms as data: what each form asks and how its answers become the request body the
 * server's schema takes (action-specs.test.ts parses every body with the route's own schema).
 */
export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'bool' | 'lines' | 'checks';
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
}
export interface FormSpec {
  key: string;
  title: string;
  fields: FieldSpec[];
  /** answers → body (the caller adds version and ids) */
  body: (v: Record<string, unknown>) => Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
/** Drops the keys the reader left empty, so optional fields are absent rather than blank. */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}
/** An answer as the schemas take it, by its field's kind: text trimmed (blank is absent), one item a line, a switch true or false. */
function answer(kind: FieldKind, v: unknown): unknown {
  switch (kind) {
    case 'text':
    case 'textarea':
      return str(v);
    case 'lines':
      return lines(v);
    case 'number':
      return typeof v === 'number' ? v : undefined;
    case 'bool':
      return v === true;
    case 'checks':
      return Array.isArray(v) ? v : [];
    default:
      return v;
  }
}
/** A form's answers → the body, one key a field, the empty ones left out. */
function answers(fields: readonly FieldSpec[], v: Record<string, unknown>): Record<string, unknown> {
  return clean(Object.fromEntries(fields.map((f) => [f.name, answer(f.kind, v[f.name])])));
}
/** A form whose body is its answers (`answers`). */
function form(key: string, title: string, fields: FieldSpec[]): FormSpec {
  return { key, title, fields, body: (v) => answers(fields, v) };
}
/** The forms of a record's acts by action: each posts `{ action, …answers }` unless it gives its own body. */
function actionForms(
  drafts: Record<string, Omit<FormSpec, 'key' | 'body'> & { body?: FormSpec['body'] }>,
): Record<string, FormSpec> {
  return Object.fromEntries(
    Object.entries(drafts).map(([key, d]) => [
      key,
      { key, ...d, body: d.body ?? ((v) => ({ action: key, ...answers(d.fields, v) })) },
    ]),
  );
}
/** 报送审查 as an act: the materials one a line, none for the default set. */
function submitMaterialsBody(v: Record<string, unknown>): Record<string, unknown> {
  const m = lines(v.materials);
  return clean({
    action: 'submitReview',
    date: v.date,
    materials: m.length ? m.map((name) => ({ name })) : undefined,
  });
}
const date = { name: 'date', label: '办理日期', kind: 'date', required: true } as const;
const reason = (label = '理由', required = false): FieldSpec => ({
  name: 'reason',
  label,
  kind: 'textarea',
  required,
});
/** A choice among a table's codes, by their Chinese names. */
const select = (name: string, label: string, labels: Record<string, string>, required = true): FieldSpec => ({
  name,
  label,
  kind: 'select',
  required,
  options: optionsOf(labels),
});
/** 公开征求意见: the days the public may comment. */
const commentPeriod: FieldSpec[] = [
  { name: 'commentFrom', label: '征求意见开始日期', kind: 'date', required: true },
  { name: 'commentTo', label: '征求意见截止日期', kind: 'date', required: true },
];

// ——— 合法性审查台 ———

export const reviewKindOptions = optionsOf(reviewKindLabels);

export const submitReviewForm: FormSpec = {
  key: 'submit',
  title: '报送合法性审查',
  fields: [
    { name: 'kind', label: '类别', kind: 'select', required: true, options: reviewKindOptions },
    { name: 'title', label: '审查事项', kind: 'text', required: true },
    { name: 'submittedOn', label: '报送日期', kind: 'date', required: true },
    { name: 'materials', label: '报送材料(每行一项)', kind: 'lines', required: true },
    { name: 'itemCount', label: '事项数(权责清单调整填写)', kind: 'number' },
  ],
  body: (v) =>
    clean({
      kind: v.kind,
      title: str(v.title),
      submittedOn: v.submittedOn,
      materials: lines(v.materials).map((name) => ({ name })),
      itemCount: typeof v.itemCount === 'number' ? v.itemCount : undefined,
    }),
};

export const reviewActionForms = actionForms({
  requestMaterials: {
    title: '通知补充材料',
    fields: [date, reason('需补充的材料', true)],
  },
  receiveMaterials: {
    title: '收到补充材料',
    fields: [date],
  },
  extend: {
    title: '延长审查期限',
    fields: [date, reason('延期理由', true)],
  },
  conclude: {
    title: '出具审查意见',
    fields: [
      date,
      select('conclusion', '审查结论', conclusionLabels),
      { name: 'opinions', label: '审查意见(每行一条)', kind: 'lines' },
    ],
  },
  withdraw: {
    title: '撤回',
    fields: [date, reason('撤回理由')],
  },
});

export const adoptionOptions = optionsOf(adoptionLabels);
/** 反馈采纳情况: one adoption (and a reason) per opinion; fields are named a_<id> and r_<id>. */
export function answerBody(
  opinionIds: readonly string[],
  v: Record<string, unknown>,
): Record<string, unknown> {
  return {
    date: v.date,
    answers: opinionIds.map((id) =>
      clean({ opinionId: id, adoption: v[`a_${id}`], reason: str(v[`r_${id}`]) }),
    ),
  };
}

// ——— 规范性文件 ———

export const createDocumentForm = form('create', '登记起草规范性文件', [
  { name: 'title', label: '文件名称', kind: 'text', required: true },
  { name: 'draftedOn', label: '起草日期', kind: 'date', required: true },
  { name: 'marketRelated', label: '涉及市场主体经济活动', kind: 'bool' },
  { name: 'provisional', label: '暂行或试行', kind: 'bool' },
  { name: 'body', label: '正文', kind: 'textarea' },
]);

export const documentActionForms = actionForms({
  revise: {
    title: '修改文本',
    fields: [
      date,
      { name: 'title', label: '修改后的标题', kind: 'text' },
      { name: 'body', label: '修改后的正文', kind: 'textarea' },
      { name: 'note', label: '修改说明', kind: 'text' },
    ],
  },
  openComment: {
    title: '公开征求意见',
    fields: [date, ...commentPeriod, reason('期限少于规定时的理由')],
  },
  fairCompetition: {
    title: '公平竞争审查',
    fields: [date, { name: 'note', label: '审查结论', kind: 'text' }],
  },
  submitReview: {
    title: '报送合法性审核',
    fields: [
      date,
      {
        name: 'materials',
        label: '报送材料(每行一项,不填则为送审稿、起草说明、征求意见情况)',
        kind: 'lines',
      },
    ],
    body: submitMaterialsBody,
  },
  deliberate: {
    title: '集体审议',
    fields: [date, { name: 'meeting', label: '审议会议', kind: 'text', required: true }],
  },
  publish: {
    title: '统一编号并公布',
    fields: [
      date,
      { name: 'effectiveOn', label: '施行日期(不填为公布后 30 日)', kind: 'date' },
      reason('提前施行的理由'),
    ],
  },
  file: {
    title: '报送备案',
    fields: [
      date,
      { name: 'receipt', label: '备案回执号', kind: 'text' },
      { name: 'late', label: '逾期报备', kind: 'bool' },
      reason('逾期报备原因'),
    ],
    body: (v) =>
      clean({
        action: 'file',
        date: v.date,
        receipt: str(v.receipt),
        late: v.late === true ? true : undefined,
        reason: str(v.reason),
      }),
  },
  filingOutcome: {
    title: '备案审查结果',
    fields: [date, select('outcome', '结果', filingOutcomeLabels), reason('说明')],
  },
});

// ——— 重大行政决策 ———

export const createCatalogueForm = form('catalogue', '拟定年度决策事项目录', [
  { name: 'year', label: '年度', kind: 'number', required: true },
  { name: 'draftedOn', label: '拟定日期', kind: 'date', required: true },
]);

export const catalogueActionForms = actionForms({
  agree: {
    title: '报同级党委同意',
    fields: [date, { name: 'agreedBy', label: '党委同意的会议或文件', kind: 'text', required: true }],
  },
  publish: {
    title: '向社会公布目录',
    fields: [date, { name: 'channel', label: '公布渠道', kind: 'text', required: true }],
  },
});

export const decisionCategoryOptions = optionsOf(decisionCategoryLabels);

export const listDecisionForm = form('list', '列入决策事项', [
  { name: 'title', label: '决策事项', kind: 'text', required: true },
  { name: 'category', label: '类别', kind: 'select', required: true, options: decisionCategoryOptions },
  { name: 'undertakingOrg', label: '承办单位', kind: 'text' },
  { name: 'listedOn', label: '列入日期', kind: 'date', required: true },
  { name: 'marketRelated', label: '涉及市场主体经济活动', kind: 'bool' },
  reason('调整理由(目录已公布的须填写)'),
]);

const stance = { 同意: 'agree', 不同意: 'disagree', 弃权: 'abstain' } as const;
/** "姓名:同意:意见" per line → opinions, in speaking order; the head's own opinion goes last. */
function discussionBody(v: Record<string, unknown>) {
  const head = str(v.head) ?? '';
  const present = lines(v.present);
  const absent = lines(v.absent);
  const opinions = lines(v.opinions).map((l) => {
    const [speaker = '', s = '同意', text] = l.split(/[::]/).map((x) => x.trim());
    return clean({ speaker, stance: stance[s as keyof typeof stance] ?? 'agree', text });
  });
  opinions.push(
    clean({
      speaker: head,
      stance: stance[(str(v.headStance) ?? '同意') as keyof typeof stance] ?? 'agree',
      text: str(v.headText),
    }),
  );
  return clean({
    action: 'discuss',
    date: v.date,
    meeting: str(v.meeting),
    attendance: [
      { name: head, role: 'head', present: true },
      ...present.map((name) => ({ name, role: 'member', present: true })),
      ...absent.map((name) => ({ name, role: 'member', present: false })),
    ],
    opinions,
    result: v.result,
    reason: str(v.reason),
  });
}

export const decisionActionForms = actionForms({
  publicComment: {
    title: '公开征求意见',
    fields: [
      date,
      ...commentPeriod,
      { name: 'commentCount', label: '收到意见(条)', kind: 'number' },
      reason('期限少于 30 日的理由'),
    ],
  },
  hearing: {
    title: '举行听证',
    fields: [
      date,
      { name: 'participants', label: '听证参加人(人)', kind: 'number' },
      { name: 'note', label: '听证情况', kind: 'textarea' },
    ],
  },
  expertReview: {
    title: '专家论证',
    fields: [
      date,
      { name: 'experts', label: '论证专家(每行一位)', kind: 'lines', required: true },
      { name: 'note', label: '论证意见', kind: 'textarea' },
    ],
  },
  riskAssessment: {
    title: '风险评估',
    fields: [
      date,
      select('riskLevel', '风险等级', riskLevelLabels),
      { name: 'mitigation', label: '风险防范措施(高风险必填)', kind: 'textarea' },
    ],
  },
  waive: {
    title: '说明不适用的程序',
    fields: [
      date,
      select('procedure', '程序', {
        publicComment: '公众参与',
        expertReview: '专家论证',
        riskAssessment: '风险评估',
      }),
      reason('不适用的理由', true),
    ],
  },
  submitReview: {
    title: '报送合法性审查',
    fields: [date, { name: 'materials', label: '报送材料(每行一项,可不填)', kind: 'lines' }],
    body: submitMaterialsBody,
  },
  discuss: {
    title: '集体讨论决定',
    fields: [
      date,
      { name: 'meeting', label: '会议', kind: 'text', required: true },
      { name: 'head', label: '行政首长', kind: 'text', required: true },
      { name: 'present', label: '出席的其他组成人员(每行一位)', kind: 'lines', required: true },
      { name: 'absent', label: '缺席人员(每行一位)', kind: 'lines' },
      {
        name: 'opinions',
        label: '发言(按顺序每行“姓名:同意/不同意/弃权:意见”)',
        kind: 'lines',
        required: true,
      },
      select('headStance', '行政首长意见(最后发言)', { 同意: '同意', 不同意: '不同意', 弃权: '弃权' }),
      { name: 'headText', label: '行政首长发言要点', kind: 'text' },
      select('result', '决定', discussionResultLabels),
      reason('与多数意见不一致的理由'),
    ],
    body: discussionBody,
  },
  publish: {
    title: '公布决策',
    fields: [
      date,
      { name: 'channel', label: '公布渠道', kind: 'text', required: true },
      { name: 'adoptionNote', label: '公众意见采纳情况说明', kind: 'textarea' },
    ],
  },
  archive: {
    title: '立卷归档',
    fields: [date, { name: 'archived', label: '已归档材料', kind: 'checks', required: true }],
  },
  execute: {
    title: '组织执行',
    fields: [date, { name: 'executor', label: '执行单位', kind: 'text', required: true }],
  },
  evaluate: {
    title: '决策后评估',
    fields: [
      date,
      // the server's codes; 公众提出较多意见 is worded shorter than its label
      select('trigger', '评估情形', {
        planned: '按计划评估',
        resultsFailed: '未达到预期效果',
        manyObjections: '公众提出较多意见',
        necessary: '决策机关认为有必要',
      } satisfies Record<keyof typeof evaluationTriggerLabels, string>),
      { name: 'thirdParty', label: '委托第三方评估', kind: 'bool' },
      select('outcome', '评估结论', evaluationOutcomeLabels, false),
      { name: 'note', label: '评估情况', kind: 'textarea' },
    ],
  },
  withdraw: {
    title: '调出目录',
    fields: [date, reason('调整理由', true)],
  },
});
