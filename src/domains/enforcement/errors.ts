import { errorCatalogue } from '../../platform/service/errors.js';

/** The enforcement domain's errors thrown at more than one place (and by the powers domain's checks). */
export const enforcementError = errorCatalogue({
  'enforcement.caseNotFound': { kind: 'notFound', message: '案件不存在或不在您的权限范围内' },
  'enforcement.bodyNotFound': { kind: 'notFound', message: '执法主体不存在或不在您的权限范围内' },
  'enforcement.officerNotFound': { kind: 'notFound', message: '执法人员不存在或不在您的权限范围内' },
  'enforcement.certificateNotFound': { kind: 'notFound', message: '执法证不存在或不在您的权限范围内' },
  'enforcement.powerItemNotFound': { kind: 'notFound', message: '权责事项不存在或不在您的权限范围内' },
  'enforcement.referral.notFound': { kind: 'notFound', message: '移送记录不存在或不在您的权限范围内' },
});
