/**
 * The 双随机 codes and their Chinese names, in a module without zod: the server's rules, exports
 * and public pages use them, and the screens import them as they are (no copy to drift).
 */

/** 风险等级: A is the highest risk (drawn first, and may be drawn at a higher ratio). */
export const RISK_GRADES = ['A', 'B', 'C', 'D'] as const;

/** 市场监管 信用风险分类: A 类风险最低, D 类最高. */
export const riskGradeLabels = {
  A: 'A类(低风险)',
  B: 'B类(一般风险)',
  C: 'C类(较高风险)',
  D: 'D类(高风险)',
} as const;

/**
 * 抽查检查结果 — the categories used on the 国家企业信用信息公示系统 for 双随机 results.
 * `problem` marks results that count as 发现问题 (the problem rate).
 */
export const inspectionResults = {
  noProblem: { label: '未发现问题', problem: false },
  problemCorrected: { label: '发现问题已责令改正', problem: true },
  problemPending: { label: '发现问题待后续处理', problem: true },
  notPublicized: { label: '未按规定公示应当公示的信息', problem: true },
  falsePublicity: { label: '公示信息隐瞒真实情况、弄虚作假', problem: true },
  unreachable: { label: '通过登记的住所(经营场所)无法联系', problem: true },
  uncooperative: { label: '不配合检查', problem: true },
  notOperating: { label: '未发现开展本次抽查涉及的经营活动', problem: false },
  closed: { label: '已关闭停业或正在组织清算', problem: false },
  deregistered: { label: '已注销或被吊销营业执照', problem: false },
} as const;
