import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Timeline, Typography } from 'antd';
import { downloadFile } from '../../../api/client.js';
import { showError } from '../../../api/feedback.js';
import type { CaseDetail, CaseRecordFile } from '../types.js';
import { penaltyLabel, recordKindLabels } from './labels.js';

const size = (n: number | undefined) =>
  n === undefined
    ? ''
    : n < 1024
      ? `${n} B`
      : n < 1048576
        ? `${(n / 1024).toFixed(1)} KB`
        : `${(n / 1048576).toFixed(1)} MB`;

function RecordLink({ r }: { r: CaseRecordFile }) {
  return (
    <Button
      type="link"
      size="small"
      icon={<PaperClipOutlined />}
      style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
      onClick={() => downloadFile(`/api/files/${r.sha256}`, {}, r.name).catch(showError)}
    >
      {r.name}
      <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
        {recordKindLabels[r.kind]} {size(r.size)}
      </Typography.Text>
    </Button>
  );
}

/** 执法全过程: every act of the log in order, with what it carried and its records. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const gapSeqs = new Set((c.recordGaps ?? []).map((g) => g.seq));
  return (
    <Timeline
      items={c.actions.map((a) => {
        const d = a.data;
        return {
          color: gapSeqs.has(a.seq) ? 'red' : 'gray',
          children: (
            <div data-testid={`act-${a.seq}`}>
              <Space wrap size={4}>
                <Typography.Text strong>{a.label}</Typography.Text>
                <span>{a.date}</span>
                {a.actorName && <Typography.Text type="secondary">{a.actorName}</Typography.Text>}
                {gapSeqs.has(a.seq) && <Tag color="red">记录缺项</Tag>}
              </Space>
              {d.sanction && (
                <div>
                  {d.sanction.penalties.map(penaltyLabel).join('、')}
                  {d.sanction.amount ? ` ${d.sanction.amount.toLocaleString('zh-CN')} 元` : ''}
                </div>
              )}
              {d.decisionNo && <div>文号:{d.decisionNo}</div>}
              {d.noticedOn && <div>听证通知日期:{d.noticedOn}</div>}
              {d.days && <div>延长 {d.days} 日</div>}
              {d.opinion && <div>意见:{d.opinion}</div>}
              {d.note && <div style={{ whiteSpace: 'pre-wrap' }}>{d.note}</div>}
              {(a.records ?? []).map((r) => (
                <div key={r.sha256}>
                  <RecordLink r={r} />
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
