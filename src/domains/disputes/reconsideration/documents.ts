/**
 * The 复议 documents made from the record (.docx, GB/T 9704-2012 layout as the annual report):
 * 补正通知书 (第三十一条), 受理通知书 (第三十条), 答复通知书 (第四十八条 / 第五十四条) and
 * 行政复议决定书 (第六十一条、第七十五条). Each is generated only once its act is on the log.
 */
import { AlignmentType, Paragraph } from 'docx';
import { ALL_SCOPE, type Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { GB } from '../../../platform/docx/gbt9704.js';
import {
  bodyParagraph,
  chineseDate,
  exact,
  gbDocx,
  run,
  signatureLine,
} from '../../../platform/docx/letter.js';
import { getOrg } from '../../org/org-service.js';
import { getReconsideration } from './service.js';
import type { ReconDetail } from './present.js';
import type { Outcome, ReconAction } from './schema.js';
import { outcomeArticles, outcomeLabels } from './labels.js';

export const RECON_DOCUMENT_KINDS = [
  'correction-notice',
  'acceptance-notice',
  'answer-notice',
  'decision',
] as const;
export type ReconDocumentKind = (typeof RECON_DOCUMENT_KINDS)[number];

const TITLES = {
  'correction-notice': '行政复议申请补正通知书',
  'acceptance-notice': '行政复议受理通知书',
  'answer-notice': '提出答复通知书',
  decision: '行政复议决定书',
} as const satisfies Record<ReconDocumentKind, string>;

/** The act a document records; without it the document has nothing to say. */
const SOURCE_ACTS = {
  'correction-notice': ['requestCorrection'],
  'acceptance-notice': ['accept', 'deemAccept'],
  'answer-notice': ['sendCopy'],
  decision: ['decide'],
} as const satisfies Record<ReconDocumentKind, readonly ReconAction[]>;

const plain = (text: string) => new Paragraph({ spacing: exact, children: [run(text)] });
const centre = (text: string, size: number = GB.titleSize, f: string = GB.fonts.title) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(text, f, size)] });

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const you = (r: ReconDetail) => (r.applicantKind === 'person' ? '你' : '你单位');
const actName = (r: ReconDetail) => `《${r.act.title}》${r.act.documentNo ? `(${r.act.documentNo})` : ''}`;

/** The 复议机关: the nearest 人民政府 above the respondent (行政复议法 第二十四条). */
async function reviewingBody(ctx: Ctx, orgId: string): Promise<string> {
  const all: Ctx = { ...ctx, scope: ALL_SCOPE };
  let org = await getOrg(all, orgId);
  for (let i = 0; i < 10 && org.parentId; i++) {
    org = await getOrg(all, org.parentId);
    if (org.kind === 'government') return org.name;
  }
  return '行政复议机关';
}

function paragraphs(kind: ReconDocumentKind, r: ReconDetail, body: string): Paragraph[] {
  const last = <A extends ReconAction>(actions: readonly A[]) =>
    [...r.actions].reverse().find((a) => (actions as readonly ReconAction[]).includes(a.action));
  const out: Paragraph[] = [];
  switch (kind) {
    case 'correction-notice': {
      const act = last(['requestCorrection']);
      const items = (act?.data.items ?? []) as string[];
      out.push(plain(`${r.applicantName}:`));
      out.push(
        bodyParagraph(
          `${you(r)}于${chineseDate(r.receivedOn)}提出的行政复议申请,申请材料不齐全或者表述不清楚。根据《中华人民共和国行政复议法》第三十一条的规定,请${you(r)}自收到本通知之日起十日内补正下列材料:`,
        ),
      );
      items.forEach((item, i) => {
        out.push(bodyParagraph(`${CN_NUMBERS[i] ?? String(i + 1)}、${item}`));
      });
      out.push(bodyParagraph(`${you(r)}无正当理由逾期不补正的,视为放弃行政复议申请,并记录在案。`));
      out.push(plain(''), signatureLine(body), signatureLine(chineseDate(act?.date ?? r.receivedOn)));
      break;
    }
    case 'acceptance-notice': {
      const act = last(['accept', 'deemAccept']);
      out.push(plain(`${r.applicantName}:`));
      out.push(
        bodyParagraph(
          `${you(r)}不服${r.orgName}作出的${actName(r)},于${chineseDate(r.receivedOn)}提出的行政复议申请,经审查,符合《中华人民共和国行政复议法》第三十条规定的受理条件,本机关决定自${chineseDate(act?.date ?? r.receivedOn)}起受理${act?.action === 'deemAccept' ? '(审查期限届满未作出不予受理决定,依法视为受理)' : ''},适用${r.procedureLabel ?? '普通程序'}审理。`,
        ),
      );
      out.push(plain(''), signatureLine(body), signatureLine(chineseDate(act?.date ?? r.receivedOn)));
      break;
    }
    case 'answer-notice': {
      const act = last(['sendCopy']);
      const simple = r.procedure === 'simple';
      out.push(plain(`${r.orgName}:`));
      out.push(
        bodyParagraph(
          `${r.applicantName}不服你单位作出的${actName(r)},向本机关申请行政复议,本机关已依法受理。根据《中华人民共和国行政复议法》第${simple ? '五十四' : '四十八'}条的规定,现将行政复议申请书副本(或者申请笔录复印件)发送你单位,请你单位自收到本通知之日起${simple ? '五' : '十'}日内,提出书面答复,并提交作出该行政行为的证据、依据和其他有关材料。`,
        ),
      );
      out.push(
        bodyParagraph(
          '被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的,视为该行政行为没有证据、依据(第七十条)。',
        ),
      );
      out.push(plain(''), signatureLine(body), signatureLine(chineseDate(act?.date ?? r.receivedOn)));
      break;
    }
    case 'decision': {
      const act = last(['decide']);
      const outcome = act?.data.outcome as Outcome | undefined;
      out.push(plain(`申请人:${r.applicantName}`));
      if (r.agentName) out.push(plain(`委托代理人:${r.agentName}`));
      out.push(plain(`被申请人:${r.orgName}`));
      for (const t of r.thirdParties) out.push(plain(`第三人:${t.name}`));
      out.push(
        bodyParagraph(
          `申请人不服被申请人作出的${actName(r)},于${chineseDate(r.receivedOn)}向本机关申请行政复议,本机关依法已予受理${r.acceptedOn ? `(受理日期${chineseDate(r.acceptedOn)})` : ''}。`,
        ),
      );
      out.push(bodyParagraph(`申请人请求:${r.request}`));
      for (const p of r.reasons.split(/\n+/).filter((x) => x.trim())) out.push(bodyParagraph(p.trim()));
      for (const p of String(act?.data.text ?? '')
        .split(/\n+/)
        .filter((x) => x.trim()))
        out.push(bodyParagraph(p.trim()));
      if (outcome)
        out.push(
          bodyParagraph(
            `根据《中华人民共和国行政复议法》${outcomeArticles[outcome]}的规定,本机关决定:${outcomeLabels[outcome]}。`,
          ),
        );
      out.push(
        bodyParagraph(
          '申请人如不服本决定,可以自收到本决定书之日起十五日内,依法向人民法院提起行政诉讼(《中华人民共和国行政诉讼法》第四十五条)。',
        ),
      );
      out.push(plain(''), signatureLine(body), signatureLine(chineseDate(act?.date ?? r.receivedOn)));
      break;
    }
  }
  return out;
}

/** One document of a case as a .docx, with the file name it is downloaded under. */
export async function reconDocument(
  ctx: Ctx,
  id: string,
  kind: ReconDocumentKind,
): Promise<{ filename: string; bytes: Buffer }> {
  const r = await getReconsideration(ctx, id);
  if (!r.actions.some((a) => (SOURCE_ACTS[kind] as readonly ReconAction[]).includes(a.action)))
    throw conflict(
      'disputes.reconsideration.documentNotReady',
      `本案尚未办理相应环节,不能生成${TITLES[kind]}`,
      { field: 'kind' },
    );
  const body = await reviewingBody(ctx, r.orgId);
  const decision = [...r.actions].reverse().find((a) => a.action === 'decide');
  const number =
    kind === 'decision' && decision?.data.documentNo ? String(decision.data.documentNo) : r.caseNo;
  const bytes = await gbDocx(
    TITLES[kind],
    [
      centre(body),
      centre(TITLES[kind]),
      centre(number, GB.bodySize, GB.fonts.body),
      plain(''),
      ...paragraphs(kind, r, body),
    ],
    { headerFooter: true },
  );
  return { filename: `${TITLES[kind]}(${r.caseNo}).docx`, bytes };
}
