import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  CommentOutlined,
  FileTextOutlined,
  HomeOutlined,
  OrderedListOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { HomeQueue } from './home-queues.js';
import { disputesQueues } from './queues/disputes.js';
import { enforcementQueues } from './queues/enforcement.js';
import { inspectionQueues } from './queues/inspection.js';
import { legalityQueues } from './queues/legality.js';
import { oversightQueues } from './queues/oversight.js';
import { reportQueues } from './queues/report.js';
import { requestsQueues } from './queues/requests.js';

export interface ModuleRoute {
  /** absolute path, e.g. '/admin/orgs' */
  path: string;
  title: string;
  element: LazyExoticComponent<ComponentType>;
  /** hidden from the menu and refused when the user lacks it ('*' grants all) */
  permission?: string;
  /** a screen reached from another (a record's page, a form), not listed in the menu */
  hidden?: boolean;
  /**
   * listed in the menu only for those who also hold this: a screen whose reading permission
   * other screens need too (the org tree feeds every unit picker) stays out of the menus of
   * those who only pick from it
   */
  menuPermission?: string;
}

export interface WebModule {
  /** the key /api/meta/modules answers; a module shows only when the server lists it */
  key: string;
  title: string;
  icon: ReactNode;
  /** one line on the home page card */
  description: string;
  routes: ModuleRoute[];
  /** the work queues this module puts on its users' home page (待审核, 待填报, 逾期 …) */
  queues?: HomeQueue[];
}

/**
 * The one table of screens. A later domain adds one entry here (its pages lazy-loaded, so each
 * domain is its own chunk); the menu, the routes and the home page cards all come from this.
 * Planned keys: 'enforcement' 行政执法, 'inspection' 双随机一公开, 'report' 年度报告, 'dashboard' 驾驶舱.
 */
export const webModules: WebModule[] = [
  {
    key: 'home',
    title: '首页',
    icon: <HomeOutlined />,
    description: '待办与概况',
    routes: [{ path: '/', title: '首页', element: lazy(() => import('./pages/home-page.js')) }],
  },
  {
    key: 'admin',
    title: '系统管理',
    icon: <SettingOutlined />,
    description: '机构、用户、角色权限、操作日志与节假日安排',
    routes: [
      {
        path: '/admin/orgs',
        title: '机构管理',
        permission: 'system:org:list',
        menuPermission: 'system:user:list',
        element: lazy(() => import('./admin/orgs-page.js')),
      },
      {
        path: '/admin/users',
        title: '用户管理',
        permission: 'system:user:list',
        element: lazy(() => import('./admin/users-page.js')),
      },
      {
        path: '/admin/roles',
        title: '角色权限',
        permission: 'system:role:list',
        element: lazy(() => import('./admin/roles-page.js')),
      },
      {
        path: '/admin/audit',
        title: '操作日志',
        permission: 'system:audit:list',
        element: lazy(() => import('./admin/audit-page.js')),
      },
      {
        path: '/admin/site',
        title: '公开网站设置',
        permission: 'system:site:edit',
        element: lazy(() => import('./admin/site-page.js')),
      },
      {
        path: '/admin/calendar',
        title: '节假日安排',
        menuPermission: 'system:user:list',
        element: lazy(() => import('./admin/calendar-page.js')),
      },
    ],
  },
  {
    key: 'enforcement',
    title: '行政执法',
    icon: <AuditOutlined />,
    description: '执法主体与人员、权责清单、各类执法案件与法定期限、公示、两法衔接',
    queues: enforcementQueues,
    routes: [
      {
        path: '/enforcement/cases',
        title: '行政执法案件',
        permission: 'enforcement:case:list',
        element: lazy(() => import('./pages/enforcement/cases-page.js')),
      },
      {
        path: '/enforcement/referrals',
        title: '两法衔接',
        permission: 'enforcement:referral:list',
        element: lazy(() => import('./pages/enforcement/referrals-page.js')),
      },
      {
        path: '/enforcement/publications',
        title: '执法公示',
        permission: 'enforcement:case:list',
        element: lazy(() => import('./pages/enforcement/publications-page.js')),
      },
      {
        path: '/enforcement/cases/new',
        title: '立案',
        permission: 'enforcement:case:edit',
        hidden: true,
        element: lazy(() => import('./pages/enforcement/case/open-case-page.js')),
      },
      {
        path: '/enforcement/cases/:id',
        title: '案件',
        permission: 'enforcement:case:list',
        hidden: true,
        element: lazy(() => import('./pages/enforcement/case/case-page.js')),
      },
      {
        path: '/enforcement/officers',
        title: '执法人员',
        permission: 'enforcement:officer:list',
        element: lazy(() => import('./pages/enforcement/officers-page.js')),
      },
      {
        path: '/enforcement/powers',
        title: '权责清单',
        permission: 'enforcement:power:list',
        element: lazy(() => import('./pages/enforcement/powers-page.js')),
      },
      {
        path: '/enforcement/publicity',
        title: '双公示导出',
        permission: 'enforcement:case:list',
        hidden: true,
        element: lazy(() => import('./pages/enforcement/publicity-page.js')),
      },
    ],
  },
  {
    key: 'powers',
    title: '清单管理',
    icon: <OrderedListOutlined />,
    description: '行政许可事项清单、执法事项、包容审慎“四张清单”、裁量权基准',
    routes: [
      {
        path: '/powers/licenses',
        title: '行政许可事项清单',
        permission: 'powers:license:list',
        element: lazy(() => import('./pages/powers/licenses-page.js')),
      },
      {
        path: '/powers/matters',
        title: '执法事项',
        permission: 'powers:matter:list',
        element: lazy(() => import('./pages/powers/matters-page.js')),
      },
      {
        path: '/powers/leniency',
        title: '包容审慎“四张清单”',
        permission: 'powers:leniency:list',
        element: lazy(() => import('./pages/powers/leniency-page.js')),
      },
      {
        path: '/powers/discretion',
        title: '裁量权基准',
        permission: 'powers:discretion:list',
        element: lazy(() => import('./pages/powers/discretion-page.js')),
      },
    ],
  },
  {
    key: 'inspection',
    title: '双随机、一公开',
    icon: <AimOutlined />,
    description: '一单两库、抽查计划、可验证的随机抽取、结果公示',
    queues: inspectionQueues,
    routes: [
      {
        path: '/inspection/plans',
        title: '抽查计划',
        permission: 'inspection:plan:list',
        element: lazy(() => import('./pages/inspection/plans-page.js')),
      },
      {
        path: '/inspection/draw',
        title: '随机抽取',
        permission: 'inspection:plan:list',
        element: lazy(() => import('./pages/inspection/draw-page.js')),
      },
      {
        path: '/inspection/results',
        title: '检查结果与公示',
        permission: 'inspection:plan:list',
        element: lazy(() => import('./pages/inspection/results-page.js')),
      },
      {
        path: '/inspection/registry',
        title: '一单两库',
        permission: 'inspection:registry:list',
        element: lazy(() => import('./pages/inspection/registry-page.js')),
      },
    ],
  },
  {
    key: 'report',
    title: '指标与年度报告',
    icon: <FileTextOutlined />,
    description: '指标数据、数据填报与法治政府建设年度报告',
    queues: reportQueues,
    routes: [
      {
        path: '/report/dashboard',
        title: '驾驶舱',
        permission: 'planning:metric:list',
        element: lazy(() => import('./pages/report/dashboard-page.js')),
      },
      {
        path: '/report/metrics',
        title: '指标数据',
        permission: 'planning:metric:list',
        element: lazy(() => import('./pages/report/metrics-page.js')),
      },
      {
        path: '/report/rollup',
        title: '下级单位对比',
        permission: 'planning:report:list',
        element: lazy(() => import('./pages/report/rollup-page.js')),
      },
      {
        path: '/report/data-calls',
        title: '数据填报任务',
        permission: 'planning:dataCall:list',
        element: lazy(() => import('./pages/report/data-calls-page.js')),
      },
      {
        path: '/report/submissions',
        title: '本单位填报',
        permission: 'planning:dataCall:fill',
        element: lazy(() => import('./pages/report/submissions-page.js')),
      },
      {
        path: '/report/reports',
        title: '年度报告',
        permission: 'planning:report:list',
        element: lazy(() => import('./pages/report/reports-page.js')),
      },
    ],
  },
  {
    key: 'legality',
    title: '合法性审查',
    icon: <FileProtectOutlined />,
    description: '合法性审查台、规范性文件、重大行政决策、法律顾问和公职律师',
    queues: legalityQueues,
    routes: [
      {
        path: '/legality/reviews',
        title: '合法性审查台',
        permission: 'legality:review:list',
        element: lazy(() => import('./pages/legality/desk-page.js')),
      },
      {
        path: '/legality/documents',
        title: '规范性文件',
        permission: 'legality:document:list',
        element: lazy(() => import('./pages/legality/documents-page.js')),
      },
      {
        path: '/legality/decisions',
        title: '重大行政决策',
        permission: 'legality:decision:list',
        element: lazy(() => import('./pages/legality/decisions-page.js')),
      },
      {
        path: '/legality/advisers',
        title: '法律顾问和公职律师',
        permission: 'legality:adviser:list',
        element: lazy(() => import('./pages/legality/advisers-page.js')),
      },
    ],
  },
  {
    key: 'disputes',
    title: '复议应诉',
    icon: <BankOutlined />,
    description: '行政复议(含网上申请)、行政应诉与负责人出庭、检察建议和司法建议',
    queues: disputesQueues,
    routes: [
      {
        path: '/disputes/reconsiderations',
        title: '行政复议',
        permission: 'disputes:reconsideration:list',
        element: lazy(() => import('./pages/disputes/recon-ledger-page.js')),
      },
      {
        path: '/disputes/reconsiderations/:id',
        title: '复议案件',
        permission: 'disputes:reconsideration:list',
        hidden: true,
        element: lazy(() => import('./pages/disputes/recon-case-page.js')),
      },
      {
        path: '/disputes/lawsuits',
        title: '行政应诉',
        permission: 'disputes:litigation:list',
        element: lazy(() => import('./pages/disputes/lawsuits-page.js')),
      },
      {
        path: '/disputes/suggestions',
        title: '检察建议、司法建议',
        permission: 'disputes:suggestion:list',
        element: lazy(() => import('./pages/disputes/suggestions-page.js')),
      },
    ],
  },
  {
    key: 'oversight',
    title: '监督督察',
    icon: <FileSearchOutlined />,
    description: '整改台账、案卷评查、问题线索、考评、学法述法、普法与年度工作要点',
    queues: oversightQueues,
    routes: [
      {
        path: '/oversight/rectifications',
        title: '整改台账',
        permission: 'oversight:rectification:list',
        element: lazy(() => import('./pages/oversight/rectifications-page.js')),
      },
      {
        path: '/oversight/inspections',
        title: '法治督察',
        permission: 'oversight:rectification:list',
        element: lazy(() => import('./pages/oversight/inspections-page.js')),
      },
      {
        path: '/oversight/review',
        title: '案卷评查',
        permission: 'oversight:rectification:list',
        element: lazy(() => import('./pages/oversight/review-page.js')),
      },
      {
        path: '/oversight/review/files/:id',
        title: '评查打分',
        permission: 'oversight:rectification:list',
        hidden: true,
        element: lazy(() => import('./pages/oversight/review-file-page.js')),
      },
      {
        path: '/oversight/clues',
        title: '问题线索',
        permission: 'oversight:rectification:list',
        element: lazy(() => import('./pages/oversight/clues-page.js')),
      },
      {
        path: '/oversight/assessment',
        title: '法治建设考评',
        permission: 'oversight:rectification:list',
        element: lazy(() => import('./pages/oversight/assessment-page.js')),
      },
      {
        path: '/oversight/assessment/units/:id',
        title: '考评填报与赋分',
        permission: 'oversight:rectification:list',
        hidden: true,
        element: lazy(() => import('./pages/oversight/assessment-unit-page.js')),
      },
      {
        path: '/oversight/ledgers',
        title: '学法述法与普法',
        permission: 'oversight:learning:list',
        element: lazy(() => import('./pages/oversight/ledgers-page.js')),
      },
    ],
  },
  {
    key: 'requests',
    title: '群众诉求与建议提案',
    icon: <CommentOutlined />,
    description: '依申请公开、信访、矛盾纠纷调解、法律援助、人大建议政协提案的台账与法定期限',
    queues: requestsQueues,
    routes: [
      ...(
        [
          ['disclosure', '依申请公开', 'requests:disclosure:list'],
          ['petitions', '信访', 'requests:petition:list'],
          ['mediation', '矛盾纠纷调解', 'requests:mediation:list'],
          ['legal-aid', '法律援助', 'requests:legalService:list'],
          ['proposals', '建议提案', 'requests:proposal:list'],
        ] as const
      ).flatMap(([path, title, permission]) => [
        {
          path: `/requests/${path}`,
          title,
          permission,
          element: lazy(() => import('./pages/requests/ledger-page.js')),
        },
        {
          path: `/requests/${path}/:id`,
          title,
          permission,
          hidden: true,
          element: lazy(() => import('./pages/requests/item-page.js')),
        },
      ]),
      {
        path: '/requests/disclosure-report',
        title: '政务公开年度报告',
        permission: 'requests:disclosure:list',
        element: lazy(() => import('./pages/requests/disclosure-report-page.js')),
      },
    ],
  },
];
