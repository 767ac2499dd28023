import { permissionGroup } from '../permission-group.js';

/** Permission strings of 执法监督与法治督察 (the 依法治县办's oversight work). */
export const oversightPermissions = permissionGroup('监督督察', {
  'oversight:rectification:list': '查看整改台账',
  'oversight:rectification:edit': '办理本单位整改事项',
  'oversight:rectification:close': '整改销号、退回和延期',
  'oversight:inspection:edit': '制定督察计划、记录督察发现的问题',
  'oversight:review:edit': '组织案卷评查、抽取案卷',
  'oversight:review:score': '案卷评查打分',
  'oversight:clue:edit': '登记、交办和办结问题线索,制发监督意见书',
  'oversight:clue:answer': '答复交办的问题线索',
  'oversight:learning:list': '查看学法述法、普法和工作要点台账',
  'oversight:learning:edit': '登记学法、考法、述法、培训、普法和工作要点',
  'oversight:assessment:edit': '导入考评指标体系、组织考评、发布考评结果',
  'oversight:assessment:fill': '填报本单位考评指标、上传佐证材料',
  'oversight:assessment:score': '考评审核赋分',
});

export type OversightPermission = (typeof oversightPermissions)[number]['code'];
