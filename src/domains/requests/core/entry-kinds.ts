import { z } from 'zod';
import { LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** The registers kept beside the item ledgers: their categories, permissions and Chinese names. */
export const entryKinds = {
  proactive: {
    title: '主动公开登记',
    permission: 'requests:disclosure',
    categories: {
      meeting: '重要会议',
      interpretation: '政策解读',
      hotspot: '热点回应',
      consultation: '征求意见',
      normativeDocument: '规范性文件',
      licensing: '行政许可结果',
      penalty: '行政处罚结果',
      budget: '财政预决算',
      other: '其他',
    },
  },
  reception: {
    title: '领导接访登记',
    permission: 'requests:petition',
    categories: { principal: '主要领导', county: '其他县处级领导' },
  },
  accountability: {
    title: '信访工作责任追究登记',
    permission: 'requests:petition',
    categories: { stability: '信访稳控工作不力' },
  },
  npcOversight: {
    title: '人大监督活动登记',
    permission: 'requests:proposal',
    categories: { lawInspection: '执法检查', research: '专题调研', evaluation: '工作评议' },
  },
  consultation: {
    title: '法律咨询登记',
    permission: 'requests:legalService',
    categories: {
      justiceOffice: '司法所',
      villageAdviser: '村(居)法律顾问',
      hotline: '12348 热线',
      centre: '公共法律服务中心',
      online: '网络平台',
    },
  },
  adviserAssignment: {
    title: '村(居)法律顾问聘任',
    permission: 'requests:legalService',
    categories: { village: '村(社区)' },
  },
  adviserActivity: {
    title: '村(居)法律顾问工作登记',
    permission: 'requests:legalService',
    categories: {
      opinion: '出具法律意见',
      publicity: '法治宣传活动',
      lecture: '法治讲座',
      mediation: '参与调解纠纷',
      groupDispute: '处理群体性纠纷',
      villageRules: '修改村规民约(条)',
      document: '草拟法律文书',
      litigation: '代理诉讼',
      consultation: '解答法律咨询(人次)',
    },
  },
} as const;
export type EntryKind = keyof typeof entryKinds;
export const EntryKind = z.enum(Object.keys(entryKinds) as [EntryKind, ...EntryKind[]], {
  error: '登记类型不正确',
});

/** A register row as the API takes it; the category is checked against the kind. */
export const EntryInput = z.strictObject({
  orgId: Id,
  category: RequiredText(40),
  occurredOn: LocalDate,
  title: Text(200, { min: 2 }),
  quantity: z.number().int('应为整数').min(0, '数量不能为负数').max(100_000, '数量过大').default(1),
  /** the leader, the adviser, the person in charge */
  personName: Text(40).optional(),
  personOrg: Text(100).optional(),
  /** the village or place */
  place: Text(60).optional(),
  /** 村(居)法律顾问: the adviser's id in the legality domain's registry (法律顾问库) */
  adviserId: Id.optional(),
});
export type EntryInput = z.infer<typeof EntryInput>;
