/** Permission strings of 执法监督与法治督察 (the 依法治县办's oversight work). */
export const oversightPermissions = [
  { code: 'oversight:rectification:list', name: '查看整改台账', group: '监督督察' },
  { code: 'oversight:rectification:edit', name: '办理本单位整改事项', group: '监督督察' },
  { code: 'oversight:rectification:close', name: '整改销号、退回和延期', group: '监督督察' },
  { code: 'oversight:inspection:edit', name: '制定督察计划、记录督察发现的问题', group: '监督督察' },
  { code: 'oversight:review:edit', name: '组织案卷评查、抽取案卷', group: '监督督察' },
  { code: 'oversight:review:score', name: '案卷评查打分', group: '监督督察' },
  { code: 'oversight:clue:edit', name: '登记、交办和办结问题线索,制发监督意见书', group: '监督督察' },
  { code: 'oversight:clue:answer', name: '答复交办的问题线索', group: '监督督察' },
  { code: 'oversight:learning:list', name: '查看学法述法、普法和工作要点台账', group: '监督督察' },
  { code: 'oversight:learning:edit', name: '登记学法、考法、述法、培训、普法和工作要点', group: '监督督察' },
  { code: 'oversight:assessment:edit', name: '导入考评指标体系、组织考评、发布考评结果', group: '监督督察' },
  { code: 'oversight:assessment:fill', name: '填报本单位考评指标、上传佐证材料', group: '监督督察' },
  { code: 'oversight:assessment:score', name: '考评审核赋分', group: '监督督察' },
] as const;

export type OversightPermission = (typeof oversightPermissions)[number]['code'];
