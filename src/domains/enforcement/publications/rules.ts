import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import { addWorkdays } from '../../../platform/clock/index.js';
import { scrubText } from '../../../platform/ids/index.js';
import { type PartyKind, type PenaltyKind, penaltyKindLabels } from '../cases/schema.js';

/** 国办发〔2018〕118号: 行政许可、行政处罚 decisions are published within 7 working days. */
export const PUBLICATION_WORKDAYS = 7;
/** 国办发〔2018〕118号: 其他行政执法决定 within 20 working days. */
export const OTHER_PUBLICATION_WORKDAYS = 20;
/** 行政处罚法 第四十八条: a changed or revoked decision's publication is withdrawn within 3 (working) days. */
export const WITHDRAWAL_WORKDAYS = 3;

/** 国办发〔2018〕118号: the publication period of a decision by its case category. */
export function publicationWorkdays(category: string): number {
  return category === 'license' || category === 'penalty' ? PUBLICATION_WORKDAYS : OTHER_PUBLICATION_WORKDAYS;
}

export function publicationDue(
  calendar: WorkCalendar,
  decidedOn: LocalDate,
  category = 'penalty',
): LocalDate {
  return workdaysFrom(calendar, decidedOn, publicationWorkdays(category));
}

/** 行政处罚法 第四十八条: the day a publication must be withdrawn by after its decision changed. */
export function withdrawalDue(calendar: WorkCalendar, changedOn: LocalDate): LocalDate {
  return workdaysFrom(calendar, changedOn, WITHDRAWAL_WORKDAYS);
}

/**
 * What a 变更 / 撤销 does to a decision's publication (第四十八条): a published one must be withdrawn
 * (a clock starts); one not yet published is withheld with the reason; withheld or withdrawn stays.
 */
export function afterChange(
  status: 'pending' | 'published' | 'withheld' | 'withdrawn',
): 'withdraw' | 'withhold' | 'none' {
  if (status === 'published') return 'withdraw';
  if (status === 'pending') return 'withhold';
  return 'none';
}

/** By the one calendar rule: across an unpublished year the statutory days off are skipped (provisionalReason flags it). */
function workdaysFrom(calendar: WorkCalendar, from: LocalDate, n: number): LocalDate {
  return addWorkdays(calendar, from, n);
}

/** Why a decision is not published at all (浙江省行政处罚结果信息网上公开暂行办法 第五条), or null. */
export function withholdReason(c: { partyMinor: boolean }): string | null {
  return c.partyMinor ? '当事人为未成年人,不予公开' : null;
}

export interface PublicationSource {
  caseNo: string;
  decisionNo: string | null;
  orgName: string;
  partyKind: PartyKind;
  partyName: string;
  partyUscc: string | null;
  partyIdNumber: string | null;
  /** a natural person's address as the case records it (hidden wherever it appears) */
  partyAddress?: string | null;
  /** other natural persons named in the case (证人、被侵害人 …): hidden (浙江省…暂行办法 第七条) */
  privateNames?: readonly string[];
  facts: string;
  basis: string | null;
  penalties: readonly PenaltyKind[];
  amount: number | null;
  decidedOn: LocalDate;
}

export interface PublicationContent {
  caseNo: string;
  decisionNo: string | null;
  orgName: string;
  partyName: string;
  /** only an organisation's 统一社会信用代码; a natural person's 身份证号码 is never published */
  partyUscc: string | null;
  facts: string;
  basis: string | null;
  penalties: string[];
  amount: number | null;
  decidedOn: LocalDate;
}

/**
 * A decision states the facts it found, not a suspicion (行政处罚法 第四十条: 违法事实不清、证据不足的,
 * 不得给予行政处罚): the 立案 summary's “涉嫌违反…” reads “违反…” once the decision is made.
 */
export function establishedFacts(facts: string): string {
  return facts.replace(/涉嫌/g, '');
}

/**
 * What the public sees of a decision: the punished party's name and an organisation's USCC; the
 * natural person's ID number, address, phone numbers, bank accounts and long digit runs, and the
 * names of other natural persons, are removed from every text (行政处罚法 第五十条; 浙江省…暂行办法 第七条: 隐去), never partially shown.
 */
export function publicationContent(s: PublicationSource): PublicationContent {
  const person = s.partyKind === 'person';
  const secrets = [
    ...(s.partyIdNumber ? [s.partyIdNumber] : []),
    ...(s.partyAddress && person ? [s.partyAddress] : []),
    ...(s.privateNames ?? []),
  ];
  const keep = s.partyUscc && !person ? [s.partyUscc] : [];
  const clean = (text: string) => scrubText(text, secrets, { keep, addresses: person });
  return {
    caseNo: s.caseNo,
    decisionNo: s.decisionNo,
    orgName: s.orgName,
    partyName: clean(s.partyName),
    partyUscc: s.partyKind === 'organisation' ? s.partyUscc : null,
    facts: clean(establishedFacts(s.facts)),
    basis: s.basis,
    penalties: s.penalties.map((p) => penaltyKindLabels[p]),
    amount: s.amount,
    decidedOn: s.decidedOn,
  };
}
