import { Descriptions, Tag } from 'antd';
import type { CaseDetail } from '../types.js';

/** 案号, 当事人, 类别, 状态 and the 重大案件 mark, then who handles it and what was decided. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}>
      <Descriptions.Item label="案号">{c.caseNo}</Descriptions.Item>
      <Descriptions.Item label="当事人">
        {c.partyName}
        {c.partyKindLabel ? `(${c.partyKindLabel})` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="类别">
        {c.categoryLabel ?? '行政处罚'} · {c.procedureLabel}
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{c.statusLabel}</Tag>
        {c.isMajor && (
          <Tag color={c.reviewed ? 'blue' : 'red'}>{c.reviewed ? '重大案件 · 已审核' : '重大案件'}</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="办案单位">{c.orgName}</Descriptions.Item>
      <Descriptions.Item label="立案日期">{c.openedOn}</Descriptions.Item>
      <Descriptions.Item label="执法人员" span={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}>
        {c.handlers.map((h) => `${h.name}(${h.certificateNumber ?? '无证'})`).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label="处罚" span={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}>
        {c.penaltyLabels.join('、') || '—'}
        {c.amount ? ` ${c.amount.toLocaleString('zh-CN')} 元` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="案情" span={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}>
        {c.facts}
      </Descriptions.Item>
    </Descriptions>
  );
}
