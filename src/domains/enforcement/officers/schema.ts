import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, Text, Id } from '../../../platform/validation.js';

/** 执法主体的类型: 法定 / 授权 / 委托 (行政处罚法 arts. 17–20). */
export const bodyKindLabels = {
  statutory: '法定行政机关',
  authorized: '法律法规授权组织',
  entrusted: '受委托组织',
} as const;
export const BodyKind = labelledEnum(bodyKindLabels);
export type BodyKind = z.infer<typeof BodyKind>;

export const genderLabels = { male: '男', female: '女' } as const;
export const Gender = labelledEnum(genderLabels);
export type Gender = z.infer<typeof Gender>;

/** The issuer's status of a certificate; 'expired' is derived from the date, never stored. */
export const certificateStatusLabels = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '注销',
} as const;
export const CertificateStatus = labelledEnum(certificateStatusLabels);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/** What a certificate is on a given day, for ledgers and the 90/30-day lists. */
export const certificateStateLabels = {
  none: '无执法证',
  notYetValid: '未生效',
  valid: '有效',
  expiring90: '90日内到期',
  expiring30: '30日内到期',
  expired: '已过期',
  suspended: '暂扣',
  revoked: '注销',
} as const;
export const CertificateState = labelledEnum(certificateStateLabels);
export type CertificateState = z.infer<typeof CertificateState>;

const text = (max: number) => Text(max, { lines: max >= 500 });

export const CreateBodyInput = z.strictObject({
  orgId: Id,
  name: text(100).min(1, '不能为空').optional(),
  kind: BodyKind,
  scope: text(1000).optional(),
  entrustedByOrgId: Id.optional(),
  basis: text(500).optional(),
});
export type CreateBodyInput = z.infer<typeof CreateBodyInput>;

export const UpdateBodyInput = z.strictObject({
  version: Int32.min(1),
  name: text(100).min(1, '不能为空').optional(),
  scope: text(1000).optional(),
  basis: text(500).optional(),
  active: z.boolean().optional(),
});
export type UpdateBodyInput = z.infer<typeof UpdateBodyInput>;

export const CertificateInput = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z\u4e00-\u9fa5-]{4,30}$/, '证号应为 4–30 位字母、数字、汉字或连字符'),
  field: text(50).min(1, '不能为空'),
  issuedOn: LocalDate,
  validUntil: LocalDate,
});
export type CertificateInput = z.infer<typeof CertificateInput>;

export const CreateOfficerInput = z.strictObject({
  bodyId: Id,
  name: Text(30).min(2, '姓名至少 2 个字'),
  gender: Gender,
  position: text(50).optional(),
  trainingHours: z.number().int().min(0).max(10000).optional(),
  userId: Id.optional(),
  certificate: CertificateInput.optional(),
});
export type CreateOfficerInput = z.infer<typeof CreateOfficerInput>;

export const UpdateOfficerInput = z.strictObject({
  version: Int32.min(1),
  name: Text(30).min(2, '姓名至少 2 个字').optional(),
  position: text(50).optional(),
  trainingHours: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
  userId: Id.nullable().optional(),
});
export type UpdateOfficerInput = z.infer<typeof UpdateOfficerInput>;

export const SetCertificateStatusInput = z.strictObject({
  version: Int32.min(1),
  status: CertificateStatus,
});

export interface EnforcementBody {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  name: string;
  kind: BodyKind;
  kindLabel: string;
  scope: string;
  entrustedByOrgId: string | null;
  entrustedByOrgName: string | null;
  basis: string;
  active: boolean;
  officerCount: number;
  version: number;
}

export interface Certificate {
  id: string;
  officerId: string;
  number: string;
  field: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  version: number;
}

export interface Officer {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  bodyId: string;
  bodyName: string;
  userId: string | null;
  name: string;
  gender: Gender;
  position: string;
  trainingHours: number;
  active: boolean;
  version: number;
  /** the latest certificate (by valid-until), if any */
  certificate: Certificate | null;
  /** that certificate's state on the day asked */
  certificateState: CertificateState;
  certificateStateLabel: string;
}
