import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';
import { suggestionKindLabels } from './labels.js';

export const SuggestionKind = labelledEnum(suggestionKindLabels);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const CreateSuggestionInput = z.strictObject({
  kind: SuggestionKind,
  /** the org that must answer (an org of the tree) */
  orgId: Id,
  issuer: RequiredText(100),
  documentNo: RequiredText(60),
  issuedOn: LocalDate,
  receivedOn: LocalDate,
  /** 两高公益诉讼解释 第二十一条: 15 days when the public interest is in urgent danger */
  urgent: z.boolean().default(false),
  summary: Text(4000, { lines: true, min: 4 }),
});
export type CreateSuggestionInput = z.infer<typeof CreateSuggestionInput>;

export const ReplyInput = z.strictObject({
  version: z.number().int().positive(),
  repliedOn: LocalDate,
  reply: Text(8000, { lines: true, min: 4 }),
  rectification: Text(8000, { lines: true }).optional(),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

export const suggestionFieldLabels: Record<string, string> = {
  kind: '建议类别',
  orgId: '答复单位',
  issuer: '制发机关',
  documentNo: '文书编号',
  issuedOn: '制发日期',
  receivedOn: '收到日期',
  urgent: '是否紧急',
  summary: '建议内容',
  version: '版本',
  repliedOn: '答复日期',
  reply: '书面答复',
  rectification: '整改情况',
};
