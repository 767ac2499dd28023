export type DueState = 'normal' | 'dueSoon' | 'overdue';

export interface ItemSummary {
  id: string;
  receiptNo: string;
  orgName: string;
  subject: string;
  receivedOn: string;
  channelLabel: string | null;
  categoryLabel: string | null;
  applicantName: string;
  status: string;
  statusLabel: string | null;
  outcomeLabel: string | null;
  dueOn: string | null;
  dueState: DueState | null;
  dueProvisional: boolean;
  extended: boolean;
  answeredOn: string | null;
  closedOn: string | null;
  onTime: boolean | null;
  version: number;
}

export interface FieldMeta {
  key: string;
  label: string;
  type: 'text' | 'date' | 'number' | 'bool' | 'select';
  options?: { value: string; label: string }[];
}

export interface KindMeta {
  title: string;
  statusLabels: Record<string, string>;
  actionLabels: Record<string, string>;
  labels: {
    channel: Record<string, string>;
    category: Record<string, string>;
    outcome: Record<string, string>;
  };
  fields: FieldMeta[];
}

export interface ItemDetail extends ItemSummary {
  applicantContact: string | null;
  timeline: {
    seq: number;
    action: string;
    actionLabel: string;
    date: string;
    data: Record<string, unknown>;
    actorName: string;
  }[];
  dues: {
    kind: string;
    label: string;
    dueOn: string;
    metOn: string | null;
    party: boolean;
    provisional: boolean;
    state: string;
  }[];
  allowedActions: { action: string; label: string }[];
}

/** The five ledgers: the URL segment, the API path and the menu permission. */
export const kinds = {
  disclosure: { title: '依申请公开', permission: 'requests:disclosure' },
  petitions: { title: '信访', permission: 'requests:petition' },
  mediation: { title: '矛盾纠纷调解', permission: 'requests:mediation' },
  'legal-aid': { title: '法律援助', permission: 'requests:legalService' },
  proposals: { title: '建议提案', permission: 'requests:proposal' },
} as const;
export type KindPath = keyof typeof kinds;

export function kindOf(pathname: string): KindPath {
  const seg = pathname.split('/')[2] ?? '';
  return (seg in kinds ? seg : 'disclosure') as KindPath;
}
