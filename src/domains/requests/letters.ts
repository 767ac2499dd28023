import { AlignmentType, Paragraph } from 'docx';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { GB } from '../../platform/docx/gbt9704.js';
import { bodyParagraph, chineseDate, exact, gbDocx, run, signatureLine } from '../../platform/docx/letter.js';
import { getItem } from './core/service.js';
import type { AnswerType } from './disclosure/schema.js';
import { answerTypeLabels } from './disclosure/schema.js';
import { disclosureSpec } from './disclosure/spec.js';
import { petitionResultLabels } from './petitions/schema.js';
import { petitionSpec } from './petitions/spec.js';

/** "2026-02-10" → "2026年2月10日" */
/**
 * 政府信息公开条例: what the answer letter says for each answer type of 第三十六条 (with 第三十条、
 * 第三十五条、第三十七至三十九条、第四十二条), in the words the 答复书 uses.
 */
export const answerLetterText: Record<AnswerType, string> = {
  disclosed:
    '经审查，您申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开，现将该政府信息提供给您。',
  alreadyPublic:
    '经查，您申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径。',
  partial:
    '经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容，并对不予公开的内容说明理由。',
  'withheld.stateSecret':
    '经审查，您申请获取的政府信息属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.lawForbidden':
    '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.safety':
    '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.thirdParty':
    '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.internal':
    '经审查，您申请获取的政府信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息。根据《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.process':
    '经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.enforcementFile':
    '经审查，您申请获取的政府信息属于行政执法案卷信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。',
  'withheld.query':
    '经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项。根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。',
  'unable.notHeld':
    '经检索查找，本机关未制作、获取您申请公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，告知您该政府信息不存在。',
  'unable.notOurs':
    '经审查，您申请获取的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，告知您该政府信息由其他机关负责公开。',
  'unable.needsCreation':
    '经审查，本机关没有您申请获取的现成政府信息，需要对现有政府信息进行加工、分析后另行制作。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。',
  'unable.unclear':
    '本机关已告知您补正申请，补正后申请内容仍不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，本机关无法按照您的申请提供政府信息。',
  'declined.petition':
    '经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。',
  'declined.repeat':
    '经审查，您已就同一政府信息向本机关提出过公开申请，本机关已依法答复。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。',
  'declined.publication':
    '经审查，您要求本机关提供政府公报、报刊、书籍等公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，告知您获取的途径。',
  'declined.excessive':
    '经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关不予处理。',
  'declined.confirmation':
    '经审查，您要求本机关确认或者重新出具已获取的信息。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，本机关不作为政府信息公开申请处理。',
  'other.unpaidFee':
    '本机关已向您发出收费通知，您逾期未按要求缴纳信息处理费。根据《中华人民共和国政府信息公开条例》第四十二条及国务院办公厅有关信息处理费的规定，本机关不再处理您的政府信息公开申请。',
  'other.other': '本机关对您的申请依法作出如下处理。',
};

export interface Letter {
  title: string;
  documentNo: string | null;
  addressee: string;
  paragraphs: string[];
  orgName: string;
  date: string;
}

export async function renderLetterDocx(l: Letter): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      children: [run(l.title, GB.fonts.title, GB.titleSize)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: GB.linePitch },
      children: [run(l.documentNo ?? '')],
    }),
    new Paragraph({ spacing: exact, children: [run(`${l.addressee}：`)] }),
    ...l.paragraphs.map(bodyParagraph),
    new Paragraph({ spacing: exact, children: [] }),
    ...[l.orgName, chineseDate(l.date)].map(signatureLine),
  ];
  return gbDocx(l.title, children);
}

type Act = { action: string; date: string; data: Record<string, unknown> };
const last = (timeline: readonly Act[], action: string) =>
  [...timeline].reverse().find((a) => a.action === action);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** 政府信息公开申请答复书, from the application and its 答复 act. */
export async function disclosureAnswerLetter(ctx: Ctx, id: string): Promise<Letter> {
  const item = await getItem(ctx, disclosureSpec, id);
  const answer = last(item.timeline, 'answer');
  if (!answer)
    throw conflict('requests.letter.notAnswered', '该申请尚未作出答复,不能生成答复书', { field: 'id' });
  const type = answer.data.answerType as AnswerType;
  const d = answer.data;
  const paragraphs = [
    `本机关于${chineseDate(item.receivedOn)}收到您（单位）提出的政府信息公开申请，申请获取“${item.subject}”的政府信息。现答复如下：`,
    answerLetterText[type] ?? answerTypeLabels[type],
  ];
  if (type === 'partial') {
    if (str(d.disclosedPart)) paragraphs.push(`予以公开的内容：${str(d.disclosedPart)}。`);
    if (str(d.withheldPart)) paragraphs.push(`不予公开的内容：${str(d.withheldPart)}。`);
  }
  if (str(d.reason)) paragraphs.push(`理由：${str(d.reason)}`);
  if (typeof d.fee === 'number' && d.fee > 0)
    paragraphs.push(
      `根据《中华人民共和国政府信息公开条例》第四十二条的规定，本次提供政府信息收取信息处理费${d.fee}元${str(d.feeBasis) ? `，依据：${str(d.feeBasis)}` : ''}。`,
    );
  if (str(d.note)) paragraphs.push(str(d.note) ?? '');
  paragraphs.push(
    '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
  );
  return {
    title: '政府信息公开申请答复书',
    documentNo: str(d.documentNo),
    addressee: item.applicantName,
    paragraphs,
    orgName: item.orgName,
    date: answer.date,
  };
}

/** 信访事项受理告知书 (第二十二条) or 信访处理意见书 (第三十四、三十五条), from the item's acts. */
export async function petitionLetter(ctx: Ctx, id: string, type: 'acceptance' | 'opinion'): Promise<Letter> {
  const item = await getItem(ctx, petitionSpec, id);
  const intro = `你（们）于${chineseDate(item.receivedOn)}以${item.channelLabel ?? ''}形式提出的信访事项（${item.subject}）`;
  if (type === 'acceptance') {
    const accept = last(item.timeline, 'accept');
    if (!accept)
      throw conflict('requests.letter.notAccepted', '该信访事项尚未受理,不能生成受理告知书', {
        field: 'type',
      });
    return {
      title: '信访事项受理告知书',
      documentNo: null,
      addressee: item.applicantName,
      paragraphs: [
        `${intro}，本机关已于${chineseDate(accept.date)}依法受理。`,
        '根据《信访工作条例》第三十四条的规定，本机关将自受理之日起六十日内办结；情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过三十日，并告知你（们）延期理由。',
        '特此告知。',
      ],
      orgName: item.orgName,
      date: accept.date,
    };
  }
  const answer = last(item.timeline, 'answer');
  if (!answer)
    throw conflict('requests.letter.notAnswered', '该信访事项尚未出具处理意见,不能生成处理意见书', {
      field: 'type',
    });
  const d = answer.data;
  const result = petitionResultLabels[d.result as keyof typeof petitionResultLabels] ?? '';
  return {
    title: '信访处理意见书',
    documentNo: str(d.documentNo),
    addressee: item.applicantName,
    paragraphs: [
      `${intro}，本机关已依法受理并调查核实。现提出处理意见如下：`,
      `处理结果：${result}。${str(d.note) ?? ''}`,
      '如对本处理意见不服，可以自收到本意见书之日起三十日内请求原办理行政机关的上一级行政机关复查（《信访工作条例》第三十五条）。',
    ],
    orgName: item.orgName,
    date: answer.date,
  };
}
