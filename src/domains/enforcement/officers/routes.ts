import { z } from 'zod';
import { Paging, QueryBool, Text } from '../../../platform/validation.js';
import { enforcementLedgerRoutes } from '../ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { exportOfficerLedger } from './export.js';
import {
  BodyKind,
  CertificateInput,
  CertificateState,
  CreateBodyInput,
  CreateOfficerInput,
  SetCertificateStatusInput,
  UpdateBodyInput,
  UpdateOfficerInput,
} from './schema.js';
import {
  addCertificate,
  createBody,
  createOfficer,
  getBody,
  getOfficer,
  searchBodies,
  searchOfficers,
  setCertificateStatus,
  updateBody,
  updateOfficer,
} from './service.js';

export const BodyQuery = Paging.extend({
  q: Text(50).optional(),
  kind: BodyKind.optional(),
  orgId: z.uuid().optional(),
});

const OfficerFilterQuery = z.object({
  q: Text(50).optional(),
  orgId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  active: QueryBool.optional(),
  certificateState: CertificateState.optional(),
  expiresWithin: z.coerce.number().int().min(0).max(3650).optional(),
  uncertified: QueryBool.optional(),
});
export const OfficerQuery = Paging.extend(OfficerFilterQuery.shape);

export function registerOfficerRoutes(app: TypedApp, opts: AppOptions): void {
  const r = enforcementLedgerRoutes(app, opts);
  r.list('/api/enforcement/bodies', '执法主体列表', BodyQuery, searchBodies);
  r.get('/api/enforcement/bodies/:id', '执法主体详情', getBody);
  r.create('/api/enforcement/bodies', '新增执法主体', CreateBodyInput, createBody);
  r.act('/api/enforcement/bodies/:id', '修改执法主体', UpdateBodyInput, updateBody, 'patch');

  r.list('/api/enforcement/officers', '执法人员台账', OfficerQuery, searchOfficers);
  r.download(
    '/api/enforcement/officers/export.xlsx',
    '导出执法人员台账',
    OfficerFilterQuery,
    '执法人员台账.xlsx',
    exportOfficerLedger,
  );
  r.get('/api/enforcement/officers/:id', '执法人员详情', getOfficer);
  r.create('/api/enforcement/officers', '新增执法人员', CreateOfficerInput, createOfficer);
  r.act('/api/enforcement/officers/:id', '修改执法人员', UpdateOfficerInput, updateOfficer, 'patch');
  r.addTo('/api/enforcement/officers/:id/certificates', '登记(换发)执法证', CertificateInput, addCertificate);
  r.act(
    '/api/enforcement/certificates/:id/status',
    '暂扣、注销或恢复执法证',
    SetCertificateStatusInput,
    setCertificateStatus,
  );
}
