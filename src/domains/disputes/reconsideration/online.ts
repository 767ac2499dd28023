/**
 * 网上申请 (行政复议法 第二十二条: 书面申请可以通过互联网渠道提交): the public site takes an
 * application without login, answers with a 受理回执号 and a 查询码 (only its hash is kept), and
 * the case enters the 复议 ledger as channel 网上, received on the day it was submitted. The
 * status lookup, the published 决定书 and everything else public show no personal data.
 */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { safeEqual, sha256Hex } from '../../../platform/auth/secrets.js';
import type { AttemptRule } from '../../../platform/auth/throttle.js';
import { ALL_SCOPE, type Actor, chinaDate, type Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import { type FileStore, findStoredFile, storeAttachment } from '../../../platform/files/index.js';
import { formatBytes } from '../../../platform/files/store.js';
import { partialMask, scrubText } from '../../../platform/ids/index.js';
import { byName } from '../../../platform/http/portal-page.js';
import { LocalDate, parseInput, RequiredText, Text, Sha256 } from '../../../platform/validation.js';
import { throttleStore } from '../../org/auth-service.js';
import { listScopeOrgs } from '../../org/org-store.js';
import { createReconsideration } from './service.js';
import { ActKind, type Outcome, type ReconAction, reconFieldLabels, type ReconStatus } from './schema.js';
import { actKindLabels, outcomeLabels, reconActionLabels, reconStatusLabels } from './labels.js';
import { findByReceipt, findPublished, listPublished, loadReconActions } from './store.js';
import type { DisputesReconsiderationTable } from '../tables.js';

/** One attachment of an online application: 20 MB, at most 5 (the public form's own limits). */
export const PORTAL_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const PORTAL_MAX_FILES = 5;
/** The types a citizen attaches: documents and pictures (no audio or video on the public form). */
export const PORTAL_FILE_KINDS = ['pdf', 'jpg', 'png', 'docx', 'odt', 'txt'] as const;

/** Wrong 查询码 for one 回执号, or from one address: 5 free, then a doubling wait up to an hour. */
export const LOOKUP_RULE: AttemptRule = {
  free: 5,
  baseMs: 60_000,
  maxMs: 60 * 60_000,
  windowMs: 24 * 3600_000,
};

/** Who the audit log names for a citizen's online application. */
export const PORTAL_ACTOR: Actor = {
  userId: null,
  username: 'portal',
  displayName: '网上申请人',
  orgId: null,
  regionCode: null,
  permissions: new Set(['disputes:reconsideration:edit', 'disputes:reconsideration:list']),
};

export const OnlineApplicationInput = z.strictObject({
  respondentOrgId: z.uuid('请选择被申请人'),
  applicantKind: z.enum(['person', 'organisation']),
  applicantName: RequiredText(100),
  applicantIdNo: Text(30).optional(),
  applicantPhone: RequiredText(30).regex(/^[0-9+\-\s()]{7,30}$/, '请填写有效的联系电话'),
  applicantAddress: Text(200).optional(),
  act: z.strictObject({
    title: RequiredText(200),
    documentNo: Text(60).optional(),
    kind: ActKind,
    actedOn: LocalDate.optional(),
    knownOn: LocalDate,
  }),
  request: RequiredText(2000),
  reasons: Text(8000, { lines: true, min: 4 }),
  /** files uploaded before (POST /api/portal/reconsideration/attachments) */
  attachments: z
    .array(
      z.strictObject({
        name: RequiredText(200),
        sha256: Sha256,
      }),
    )
    .max(PORTAL_MAX_FILES, `附件最多 ${PORTAL_MAX_FILES} 个`)
    .default([]),
});
export type OnlineApplicationInput = z.infer<typeof OnlineApplicationInput>;

const labels: Record<string, string> = { ...reconFieldLabels, applicantPhone: '联系电话' };

const portalCtx = (db: Db, now: Date): Ctx => ({
  db,
  actor: PORTAL_ACTOR,
  scope: ALL_SCOPE,
  now: () => now,
});

/** 回执号: the date and eight characters nobody confuses when reading them out. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(n: number): string {
  return [...randomBytes(n)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}
export const ReceiptNo = z.string().trim().toUpperCase().max(40);

/** Checks and stores one attached file (size, type sniffed from the bytes): its name and digest. */
export async function storePortalFile(
  db: Db,
  files: FileStore | null,
  bytes: Uint8Array,
  name: string,
): Promise<{ name: string; sha256: string; size: number; typeLabel: string }> {
  if (!files)
    throw new DomainError('files.unavailable', '本网站暂不接收附件,请到复议机构当面提交', 'unavailable');
  const f = await storeAttachment(
    db,
    files,
    { bytes, originalName: name, createdBy: null },
    { maxBytes: PORTAL_MAX_FILE_BYTES, allowed: PORTAL_FILE_KINDS },
  );
  return { name: f.originalName, sha256: f.sha256, size: f.size, typeLabel: f.mime };
}

/** The message for a file refused before it is read (its announced length is over the limit). */
export function portalFileTooLarge(bytes: number, name?: string): DomainError {
  return new DomainError(
    'files.tooLarge',
    `附件${name ? `“${name}”` : ''}(${formatBytes(bytes)})超过 ${formatBytes(PORTAL_MAX_FILE_BYTES)} 的大小上限,请压缩或拆分后再提交`,
    'tooLarge',
    { field: 'file', maxBytes: PORTAL_MAX_FILE_BYTES },
  );
}

/** Takes an online application: the case opens as 网上, received today (in China). */
export async function submitOnlineApplication(
  db: Db,
  raw: unknown,
  now: Date = new Date(),
): Promise<{ receiptNo: string; secret: string; receivedOn: string; orgName: string }> {
  const input = parseInput(OnlineApplicationInput, raw, { labels: labels });
  const ctx = portalCtx(db, now);
  for (const [i, a] of input.attachments.entries()) {
    if (!(await findStoredFile(db, a.sha256)))
      throw invalid(
        'disputes.portal.attachmentMissing',
        `附件“${a.name}”尚未上传成功,请重新上传`,
        `attachments.${i}`,
      );
  }
  const receivedOn = chinaDate(now);
  const receiptNo = `WS${receivedOn.replaceAll('-', '')}${randomCode(8)}`;
  const secret = randomCode(12);
  const c = await createReconsideration(
    ctx,
    {
      channel: 'online',
      receivedOn,
      respondentOrgId: input.respondentOrgId,
      applicantKind: input.applicantKind,
      applicantName: input.applicantName,
      applicantIdNo: input.applicantIdNo,
      applicantPhone: input.applicantPhone,
      applicantAddress: input.applicantAddress,
      act: { ...input.act, onTheSpot: false, penaltyTypes: [] },
      request: input.request,
      reasons: input.reasons,
      attachments: input.attachments,
    },
    { receipt: { receiptNo, secretHash: sha256Hex(secret) } },
  ).catch((e: unknown) => {
    // the staff form's wording of the respondent check does not fit a citizen
    if (e instanceof DomainError && e.code === 'disputes.reconsideration.respondentUnknown')
      throw invalid('disputes.portal.respondent', '请选择被申请人(作出行政行为的机关)', 'respondentOrgId');
    throw e;
  });
  return { receiptNo, secret, receivedOn, orgName: c.orgName };
}

const lookupFailed = () =>
  new DomainError('disputes.portal.lookupFailed', '受理回执号或查询码不正确', 'notFound', {
    field: 'secret',
  });

function lookupThrottled(until: Date | null, now: Date): DomainError {
  const seconds = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return new DomainError(
    'disputes.portal.lookupThrottled',
    `查询码错误次数过多,请 ${wait}后再试`,
    'rateLimited',
  );
}

/** What the applicant sees of their case: where it stands, never a name or a number of a person. */
export interface PublicStatus {
  receiptNo: string;
  receivedOn: string;
  orgName: string;
  caseNo: string;
  status: ReconStatus;
  statusLabel: string;
  acceptedOn: string | null;
  decidedOn: string | null;
  outcomeLabel: string | null;
  closedOn: string | null;
  steps: { date: string; label: string }[];
}

/** Acts the applicant is told of (internal steps such as the copy to the respondent are not). */
const PUBLIC_STEPS: readonly ReconAction[] = [
  'apply',
  'requestCorrection',
  'supplyCorrection',
  'correctionLapsed',
  'accept',
  'deemAccept',
  'reject',
  'withdraw',
  'noticeHearing',
  'suspend',
  'resume',
  'extend',
  'terminate',
  'decide',
  'serve',
];

/**
 * 查询办理进度: 回执号 + 查询码. A wrong code and an unknown 回执号 get the same answer at the same
 * cost; wrong codes are counted per 回执号 and per address in the shared limit store, so guessing
 * slows down across every instance.
 */
export async function lookupApplication(
  db: Db,
  input: { receiptNo: string; secret: string; client: string },
  now: Date = new Date(),
): Promise<PublicStatus> {
  const receiptNo = input.receiptNo.trim().toUpperCase();
  const secret = input.secret.trim().toUpperCase();
  const throttle = throttleStore(db);
  const keys = { receipt: `recon-lookup:no:${receiptNo}`, client: `recon-lookup:addr:${input.client}` };
  const byClient = await throttle.attempt(keys.client, LOOKUP_RULE, now);
  if (!byClient.allowed) throw lookupThrottled(byClient.blockedUntil, now);
  const byReceipt = await throttle.attempt(keys.receipt, LOOKUP_RULE, now);
  if (!byReceipt.allowed) throw lookupThrottled(byReceipt.blockedUntil, now);
  const row = receiptNo && secret ? await findByReceipt(db, receiptNo) : undefined;
  // the hash is compared even when the 回执号 is unknown, so both answers take as long
  const ok = safeEqual(sha256Hex(secret), row?.secret_hash ?? sha256Hex(`${secret}-no-such-receipt`));
  if (!row || !ok) throw lookupFailed();
  await throttle.forgive(keys.client);
  await throttle.clear([keys.receipt]);
  const log = await loadReconActions(db, row.id);
  return {
    receiptNo,
    receivedOn: row.received_on,
    orgName: row.org_name,
    caseNo: row.case_no,
    status: row.status as ReconStatus,
    statusLabel: reconStatusLabels[row.status as ReconStatus],
    acceptedOn: row.accepted_on,
    decidedOn: row.decided_on,
    outcomeLabel: row.outcome ? outcomeLabels[row.outcome as Outcome] : null,
    closedOn: row.closed_on,
    steps: log
      .filter((a) => PUBLIC_STEPS.includes(a.action))
      .map((a) => ({ date: a.date, label: reconActionLabels[a.action] })),
  };
}

/** The bodies a citizen can name as 被申请人 on the public form. */
export async function respondentChoices(db: Db): Promise<{ id: string; name: string }[]> {
  const rows = await listScopeOrgs(db, ALL_SCOPE);
  return rows
    .filter((o) => ['government', 'department', 'township', 'subdistrict', 'agency'].includes(o.kind))
    .map((o) => ({ id: o.id, name: o.name }))
    .sort(byName);
}

/** A published 决定书 as the public sees it: a natural person's name masked (张*), no contact data. */
export interface PublishedDecision {
  id: string;
  caseNo: string;
  orgName: string;
  applicant: string;
  actTitle: string;
  actKindLabel: string;
  outcomeLabel: string | null;
  decidedOn: string | null;
  publishedOn: string;
  documentNo: string | null;
  text: string | null;
}

const maskedApplicant = (kind: string, name: string) =>
  kind === 'person' ? partialMask('thirdPartyName', name) : name;

/** What the public list and a decision's page both show; the act's title comes scrubbed as each needs. */
function presentPublished(
  r: Pick<
    Selectable<DisputesReconsiderationTable>,
    'id' | 'case_no' | 'applicant_kind' | 'applicant_name' | 'outcome' | 'decided_on' | 'published_on'
  > & { org_name: string },
  actTitle: string,
): Omit<PublishedDecision, 'text' | 'documentNo' | 'actKindLabel'> {
  return {
    id: r.id,
    caseNo: r.case_no,
    orgName: r.org_name,
    applicant: maskedApplicant(r.applicant_kind, r.applicant_name),
    actTitle,
    outcomeLabel: r.outcome ? outcomeLabels[r.outcome as Outcome] : null,
    decidedOn: r.decided_on,
    publishedOn: r.published_on ?? '',
  };
}

export async function listPublishedDecisions(
  db: Db,
  page: { offset: number; limit: number },
): Promise<{ items: Omit<PublishedDecision, 'text' | 'documentNo' | 'actKindLabel'>[]; total: number }> {
  const { rows, total } = await listPublished(db, page);
  return {
    total,
    items: rows.map((r) =>
      presentPublished(
        r,
        r.applicant_kind === 'person' ? scrubText(r.act_title, [r.applicant_name]) : r.act_title,
      ),
    ),
  };
}

export async function getPublishedDecision(db: Db, id: string): Promise<PublishedDecision> {
  const r = await findPublished(db, id);
  if (!r) throw notFound('disputes.portal.decisionNotFound', '复议决定书不存在或尚未公开');
  const decision = [...(await loadReconActions(db, id))].reverse().find((a) => a.action === 'decide');
  const thirdParties = (r.third_parties as { name: string }[] | null) ?? [];
  // the text may name the applicant, third parties or their numbers: each is hidden (RULES §2.4)
  const secrets = [
    ...(r.applicant_kind === 'person' ? [r.applicant_name] : []),
    r.applicant_id_no,
    r.applicant_phone,
    r.applicant_address,
    r.agent_name,
    ...thirdParties.map((t) => t.name),
  ].filter((s): s is string => Boolean(s && s.trim().length >= 2));
  const text = decision?.data.text
    ? scrubText(decision.data.text, secrets, { addresses: r.applicant_kind === 'person' })
    : null;
  return {
    ...presentPublished(r, scrubText(r.act_title, secrets)),
    actKindLabel: actKindLabels[r.act_kind as keyof typeof actKindLabels] ?? '',
    documentNo: decision?.data.documentNo ?? null,
    text,
  };
}
