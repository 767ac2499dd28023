import { randomInt } from 'node:crypto';
import { invalid } from '../../../platform/errors.js';

/** The longest public comment kept (a draft's comment is read by a person; longer goes as a letter). */
export const COMMENT_MAX = 5000;

/**
 * A public comment: plain text only. Markup is refused rather than stored (every page escapes
 * text anyway): a reader who pasted a web page sees why, and nothing reaches moderation as code.
 */
export function checkCommentBody(body: string): string {
  const text = body.trim();
  if (text.length < 5) throw invalid('legality.comment.tooShort', '意见内容:请至少填写 5 个字', 'body');
  if (text.length > COMMENT_MAX)
    throw invalid(
      'legality.comment.tooLong',
      `意见内容:不能超过 ${COMMENT_MAX} 个字(本次 ${text.length} 个字),内容较多的请按公告所列方式寄送`,
      'body',
    );
  if (/<\s*\/?\s*[a-z!?]/i.test(text) || /javascript:/i.test(text))
    throw invalid(
      'legality.comment.markup',
      '意见内容:请填写文字,不要包含网页代码(如 <script> 标签)',
      'body',
    );
  return text;
}

/** Contact details are optional and private; when given, a phone number or an e-mail address. */
export function checkContact(contact: string | undefined): string {
  const c = (contact ?? '').trim();
  if (c === '') return '';
  if (!/^1[3-9][0-9]{9}$/.test(c) && !/^[0-9-]{7,20}$/.test(c) && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(c))
    throw invalid('legality.comment.contact', '联系方式:请填写手机号码、固定电话或电子邮箱', 'contact');
  return c;
}

export type WindowState = 'upcoming' | 'open' | 'closed';
/** Whether a comment period from..to (both included) takes comments on `today`. */
export function commentWindow(from: string | null, to: string | null, today: string): WindowState | null {
  if (!from || !to) return null;
  if (today < from) return 'upcoming';
  return today > to ? 'closed' : 'open';
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud over the phone
/** 回执号: YJ + the day + 6 characters nobody can guess (it is the commenter's only handle). */
export function receiptNumber(today: string, pick: (n: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += RECEIPT_ALPHABET[pick(RECEIPT_ALPHABET.length)];
  return `YJ${today.replaceAll('-', '')}${s}`;
}

export const commentStatusLabels = { pending: '待审核', shown: '已公开', hidden: '审核后不予公开' } as const;
export type CommentStatus = keyof typeof commentStatusLabels;
