/** 公众意见审核: the shapes the staff's panel reads and the body it posts (tested against the route's schema). */

export type CommentStatus = 'pending' | 'shown' | 'hidden';
export type Adoption = 'adopted' | 'partlyAdopted' | 'notAdopted';

export interface StaffComment {
  id: string;
  receiptNo: string;
  body: string;
  name: string;
  contact: string;
  submittedOn: string;
  status: CommentStatus;
  statusLabel: string;
  adoption: Adoption | null;
  reply: string;
}

export const adoptionOptions: { value: Adoption; label: string }[] = [
  { value: 'adopted', label: '采纳' },
  { value: 'partlyAdopted', label: '部分采纳' },
  { value: 'notAdopted', label: '不采纳' },
];

export const adoptionLabel = (a: Adoption | null): string =>
  adoptionOptions.find((o) => o.value === a)?.label ?? '未答复';

/**
 * POST /api/legality/comments/:id/moderate. Publishing or withholding a comment keeps the
 * adoption answer it already has; answering it keeps whether it is shown.
 */
export function moderationBody(
  c: Pick<StaffComment, 'status' | 'adoption' | 'reply'>,
  change: { status?: 'shown' | 'hidden'; adoption?: Adoption; reply?: string },
): { status: 'shown' | 'hidden'; adoption?: Adoption; reply?: string } {
  // a comment answered before it was looked at is published with its answer
  const status = change.status ?? (c.status === 'hidden' ? 'hidden' : 'shown');
  const adoption = change.adoption ?? c.adoption ?? undefined;
  const reply = (change.reply ?? c.reply).trim();
  return { status, ...(adoption ? { adoption } : {}), ...(reply ? { reply } : {}) };
}
