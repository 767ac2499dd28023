import type { LeniencyKind } from './schema.js';

/**
 * 包容审慎监管“四张清单”: how each kind reads for a penalty item, with its legal basis. The
 * conditions follow the wording county lists use (云南省市场监管、生态环境等“四张清单”); the
 * bases are 行政处罚法 第三十二条、第三十三条 and 行政强制法 第十六条.
 */
export const LENIENCY_TEMPLATES: Record<
  LeniencyKind,
  { law: string; article: string; conditions: readonly string[]; outcome: string }
> = {
  noPenalty: {
    law: '中华人民共和国行政处罚法',
    article: '第三十三条第一款',
    conditions: [
      '初次违法且危害后果轻微,并在责令改正期限内改正的',
      '违法行为轻微并及时改正,没有造成危害后果的',
      '当事人有证据足以证明没有主观过错的',
    ],
    outcome: '不予行政处罚,依法进行批评教育并责令改正',
  },
  lighterPenalty: {
    law: '中华人民共和国行政处罚法',
    article: '第三十二条',
    conditions: [
      '主动消除或者减轻违法行为危害后果的',
      '受他人胁迫或者诱骗实施违法行为的',
      '主动供述行政机关尚未掌握的违法行为的',
      '配合行政机关查处违法行为有立功表现的',
    ],
    outcome: '在裁量基准对应情节的幅度内从轻处罚',
  },
  reducedPenalty: {
    law: '中华人民共和国行政处罚法',
    article: '第三十二条',
    conditions: [
      '主动消除违法行为危害后果,且涉案数额较小、社会危害性小的',
      '配合行政机关查处违法行为有重大立功表现的',
    ],
    outcome: '在法定处罚幅度最低限以下减轻处罚',
  },
  noCoercion: {
    law: '中华人民共和国行政强制法',
    article: '第十六条第二款',
    conditions: [
      '违法行为情节显著轻微,没有明显社会危害的',
      '当事人已主动停止违法行为、消除隐患,不采取强制措施不会造成危害后果扩大的',
    ],
    outcome: '可以不采取行政强制措施',
  },
};
