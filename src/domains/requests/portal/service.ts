import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../../platform/auth/secrets.js';
import type { AttemptRule } from '../../../platform/auth/throttle.js';
import { ALL_SCOPE, type Actor, type Ctx, chinaDate } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import {
  labelledEnum,
  RequiredText,
  type SafeParser,
  Text,
  parseInput,
} from '../../../platform/validation.js';
import { throttleStore } from '../../org/auth-service.js';
import { listScopeOrgs } from '../../org/org-store.js';
import { openItem } from '../core/service.js';
import type { ItemHead, KindSpec } from '../core/spec.js';
import { ApplicantKind } from '../disclosure/schema.js';
import { disclosureSpec } from '../disclosure/spec.js';
import { CreatePetitionInput, PetitionCategory, PetitionerKind } from '../petitions/schema.js';
import { petitionSpec } from '../petitions/spec.js';
import { findOnlineByReceipt } from './store.js';

/** Who writes an online application: the public site, with no user behind it (the audit says so). */
export const PORTAL_ACTOR: Actor = {
  userId: null,
  username: 'portal',
  displayName: '门户网站网上提交',
  orgId: null,
  regionCode: null,
  permissions: new Set(),
};

/**
 * Online forms from one address: ten pass, then each further one waits, from one minute doubling
 * up to a day (a flood of applications is refused; an office behind one address still gets through).
 */
export const SUBMIT_RULE = {
  free: 10,
  baseMs: 60_000,
  maxMs: 24 * 3600_000,
  windowMs: 24 * 3600_000,
} as const satisfies AttemptRule;
/** Status look-ups with a wrong secret, per address and per receipt number. */
export const LOOKUP_RULE = {
  free: 5,
  baseMs: 60_000,
  maxMs: 3600_000,
  windowMs: 24 * 3600_000,
} as const satisfies AttemptRule;

/** The office forms that a submitted form goes to: any active organisation (名称 only). */
export async function portalOrgs(db: Db) {
  const orgs = await listScopeOrgs(db, ALL_SCOPE);
  return orgs.map((o) => ({ id: o.id, name: o.name }));
}

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const formLabels = { paper: '纸质', electronic: '电子文档' } as const;
export const deliveryLabels = {
  mail: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
} as const;

/** 第二十九条: 申请人的姓名或者名称、联系方式; 所需信息的描述; 指定的提供形式 and 获取方式. */
export const PortalDisclosureInput = z.object({
  orgId: z.uuid('请选择受理机关'),
  applicantKind: ApplicantKind,
  applicantName: RequiredText(100),
  applicantContact: Text(100, { min: 5 }),
  subject: Text(500, { lines: true, min: 2 }),
  form: labelledEnum(formLabels, { error: '信息的提供形式应为纸质或电子' }),
  delivery: labelledEnum(deliveryLabels, { error: '获取方式应为邮寄、电子邮件、当面领取或网上获取' }),
});
export type PortalDisclosureInput = z.infer<typeof PortalDisclosureInput>;

/** 网上信访 (信访工作条例 第十七条): who, how to reach them, what they ask. */
export const PortalPetitionInput = z.object({
  orgId: z.uuid('请选择受理机关'),
  petitionerKind: PetitionerKind,
  petitionerName: RequiredText(100),
  persons: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('应为整数').min(1, '人数至少为 1').max(10_000, '人数过大').default(1),
  ),
  petitionerContact: Text(100, { min: 5 }),
  category: PetitionCategory,
  subject: Text(1000, { lines: true, min: 4 }),
});
export type PortalPetitionInput = z.infer<typeof PortalPetitionInput>;

/** 8 characters without 0/O/1/I/L, shown once on the receipt; only its hash is kept. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newSecret(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

function throttled(until: Date | null, now: Date, what: string): DomainError {
  const seconds = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return new DomainError('requests.portal.throttled', `${what}过于频繁,请 ${wait}后再试`, 'rateLimited');
}

const portalCtx = (db: Db, now: () => Date): Ctx => ({ db, actor: PORTAL_ACTOR, scope: ALL_SCOPE, now });

export interface Receipt {
  receiptNo: string;
  secret: string;
  receivedOn: string;
  orgName: string;
}

/**
 * An online form of one kind: checked, throttled per address, then opened as an item received
 * today, with the secret the applicant looks it up by.
 */
function onlineSubmission<T extends { orgId: string }>(
  schema: SafeParser<T>,
  spec: KindSpec,
  headOf: (input: T, today: string) => ItemHead,
) {
  return async (db: Db, now: () => Date, ip: string, raw: unknown): Promise<Receipt> => {
    const input = parseInput(schema, raw);
    const t = now();
    const gate = await throttleStore(db).attempt(`portal-submit:${ip}`, SUBMIT_RULE, t);
    if (!gate.allowed) throw throttled(gate.blockedUntil, t, '网上提交');
    const ctx = portalCtx(db, now);
    const head = headOf(input, chinaDate(t));
    const secret = newSecret();
    const secretHash = await hashPassword(secret);
    const { receiptNo } = await openItem(ctx, spec, input.orgId, head, { online: true }, { secretHash });
    const org = (await portalOrgs(db)).find((o) => o.id === input.orgId);
    return { receiptNo, secret, receivedOn: head.receivedOn, orgName: org?.name ?? '' };
  };
}

/**
 * 依申请公开 submitted on the public site: received the day it is submitted — the system confirms
 * it at once (政府信息公开条例 第三十一条第三项, 双方确认之日).
 */
export const submitOnlineDisclosure = onlineSubmission(
  PortalDisclosureInput,
  disclosureSpec,
  (input, today) => {
    const head = disclosureSpec.head({
      orgId: input.orgId,
      applicantName: input.applicantName,
      applicantKind: input.applicantKind,
      applicantContact: input.applicantContact,
      subject: input.subject.replace(/\s+/g, ' '),
      channel: 'online',
      confirmedOn: today,
      form: formLabels[input.form],
    });
    return { ...head, facts: { ...head.facts, delivery: deliveryLabels[input.delivery] } };
  },
);

/** 网上信访 into the 信访 ledger, channel 网上, received the day it is submitted. */
export const submitOnlinePetition = onlineSubmission(PortalPetitionInput, petitionSpec, (input, today) => {
  const full = parseInput(CreatePetitionInput, {
    orgId: input.orgId,
    petitionerName: input.petitionerName,
    petitionerKind: input.petitionerKind,
    persons: input.petitionerKind === 'person' ? 1 : input.persons,
    petitionerContact: input.petitionerContact,
    subject: input.subject,
    channel: 'online',
    category: input.category,
    receivedOn: today,
  });
  return petitionSpec.head(full);
});

export const LookupInput = z.object({
  receiptNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}-\d{4}-\d{5}$/, '受理编号格式应如 GK-2026-00001'),
  secret: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '查询码为 8 位字母或数字'),
});

/** What the public sees of an item: never the applicant's name or contact. */
export interface PublicStatus {
  receiptNo: string;
  orgName: string;
  receivedOn: string;
  status: string;
  statusLabel: string;
  dueOn: string | null;
  dueProvisional: boolean;
  extended: boolean;
  answeredOn: string | null;
  /** the answer type (依申请公开, 第三十六条) or the handling result (信访) */
  outcome: string | null;
  outcomeLabel: string | null;
  closedOn: string | null;
}

const notMatched = () => notFound('requests.portal.notMatched', '受理编号或查询码不正确,请核对受理回执');

/**
 * Status by receipt number and secret. Every look-up counts against the address and the receipt
 * number before the secret is checked; a right one is forgiven, so only wrong secrets hold.
 */
export async function lookupStatus(
  db: Db,
  now: () => Date,
  ip: string,
  spec: KindSpec,
  raw: unknown,
): Promise<PublicStatus> {
  const input = parseInput(LookupInput, raw);
  const t = now();
  const store = throttleStore(db);
  const keys = [`portal-lookup:${ip}`, `portal-receipt:${spec.kind}:${input.receiptNo}`];
  for (const key of keys) {
    const r = await store.attempt(key, LOOKUP_RULE, t);
    if (!r.allowed) throw throttled(r.blockedUntil, t, '查询');
  }
  const rows = await findOnlineByReceipt(db, spec.kind, input.receiptNo);
  for (const row of rows) {
    if (!row.secret_hash || !(await verifyPassword(row.secret_hash, input.secret))) continue;
    for (const key of keys) await store.forgive(key);
    return {
      receiptNo: row.receipt_no,
      orgName: row.org_name,
      receivedOn: row.received_on,
      status: row.status,
      statusLabel: spec.statusLabels[row.status] ?? row.status,
      dueOn: row.due_on,
      dueProvisional: row.due_provisional,
      extended: row.extended,
      answeredOn: row.answered_on,
      outcome: row.outcome,
      outcomeLabel: row.outcome ? (spec.labels.outcome[row.outcome] ?? row.outcome) : null,
      closedOn: row.closed_on,
    };
  }
  throw notMatched();
}
