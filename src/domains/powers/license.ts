import type { z } from 'zod';
import { type ListDef, withStatusLabel } from './list-service.js';
import type { Lookups } from './lookups.js';
import {
  checkLicenseDays,
  checkLicenseFee,
  checkLicensePowerItem,
  checkLicensePrerequisite,
} from './rules.js';
import {
  type ApprovalLevel,
  approvalLevelLabels,
  LicenseAmend,
  LicenseFields,
  type ListEntryBase,
} from './schema.js';

/** 行政许可事项清单 entry as the API shows it. */
export interface LicenseItem extends ListEntryBase {
  code: string;
  name: string;
  subItem: string;
  implementingOrg: string;
  lawName: string;
  article: string;
  /** 《law》article */
  basis: string;
  implementationBasis: string;
  approvalLevel: ApprovalLevel;
  approvalLevelLabel: string;
  statutoryDays: number;
  promisedDays: number;
  charges: boolean;
  feeNote: string;
  prerequisite: boolean;
  prerequisiteNote: string;
}

type Amend = z.infer<typeof LicenseAmend>;

/** The list's own rules, on the entry as it will be. */
function checkRules(r: Record<string, unknown>) {
  checkLicenseDays({ statutoryDays: Number(r.statutory_days), promisedDays: Number(r.promised_days) });
  checkLicenseFee({ charges: r.charges === true, feeNote: String(r.fee_note ?? '') });
  checkLicensePrerequisite({
    prerequisite: r.prerequisite === true,
    prerequisiteNote: String(r.prerequisite_note ?? ''),
  });
}

async function linkedItem(look: Lookups, id: string | null | undefined) {
  if (!id) return;
  checkLicensePowerItem(await look.powerItem(id));
}

export const licenseList: ListDef<LicenseItem, LicenseFields, Amend> = {
  spec: {
    list: 'license',
    table: 'license_item',
    columns: {
      code: 't.code',
      name: 't.name',
      subItem: 't.sub_item',
      implementingOrg: 't.implementing_org',
      lawName: 't.law_name',
      article: 't.article',
      implementationBasis: 't.implementation_basis',
      approvalLevel: 't.approval_level',
      statutoryDays: 't.statutory_days',
      promisedDays: 't.promised_days',
      charges: 't.charges',
      feeNote: 't.fee_note',
      prerequisite: 't.prerequisite',
      prerequisiteNote: 't.prerequisite_note',
    },
    search: ['t.name', 't.code', 't.sub_item'],
    filters: {
      orgId: 't.org_id',
      status: 't.status',
      approvalLevel: 't.approval_level',
      powerItemId: 't.power_item_id',
      lawName: '~t.law_name',
    },
    sortable: {
      code: 't.code',
      name: 't.name',
      orgName: 'g.name',
      statutoryDays: 't.statutory_days',
      promisedDays: 't.promised_days',
      approvalLevel: 't.approval_level',
    },
    order: 'g.tree_rank, t.code',
  },
  read: 'powers:license:list',
  edit: 'powers:license:edit',
  noun: '许可事项',
  createSchema: LicenseFields,
  amendSchema: LicenseAmend,
  async toRow(i, look) {
    const org = await look.org(i.orgId);
    await linkedItem(look, i.powerItemId);
    const row = {
      region_code: org.regionCode,
      org_id: org.id,
      power_item_id: i.powerItemId ?? null,
      code: i.code,
      name: i.name,
      sub_item: i.subItem ?? '',
      implementing_org: i.implementingOrg,
      law_name: i.lawName,
      article: i.article,
      implementation_basis: i.implementationBasis ?? '',
      approval_level: i.approvalLevel,
      statutory_days: i.statutoryDays,
      promised_days: i.promisedDays,
      charges: i.charges ?? false,
      fee_note: i.feeNote ?? '',
      prerequisite: i.prerequisite ?? false,
      prerequisite_note: i.prerequisiteNote ?? '',
      status: 'active',
    };
    checkRules(row);
    return row;
  },
  async toPatch(i, current, look) {
    if (i.powerItemId) await linkedItem(look, i.powerItemId);
    const patch: Record<string, unknown> = {};
    const set = (col: string, v: unknown) => {
      if (v !== undefined) patch[col] = v;
    };
    set('power_item_id', i.powerItemId);
    set('name', i.name);
    set('sub_item', i.subItem);
    set('implementing_org', i.implementingOrg);
    set('law_name', i.lawName);
    set('article', i.article);
    set('implementation_basis', i.implementationBasis);
    set('approval_level', i.approvalLevel);
    set('statutory_days', i.statutoryDays);
    set('promised_days', i.promisedDays);
    set('charges', i.charges);
    set('fee_note', i.feeNote);
    set('prerequisite', i.prerequisite);
    set('prerequisite_note', i.prerequisiteNote);
    checkRules({ ...current, ...patch });
    return patch;
  },
  present: (e) =>
    withStatusLabel({
      ...e,
      basis: `《${e.lawName}》${e.article}`,
      approvalLevelLabel: approvalLevelLabels[e.approvalLevel],
    }),
};
