import { FileWordOutlined, GlobalOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, downloadFile } from '../../api/client.js';
import { applyFormError, notifySuccess, sendAction, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useFetch } from '../../components/use-fetch.js';
import { DateItem } from '../../components/form-items.js';
import { WholeTable } from '../../components/whole-table.js';

interface Cell {
  metricId: string;
  value: number | null;
  source: 'computed' | 'reported';
}
interface Report {
  title: string;
  orgId: string;
  year: number;
  overview: string[];
  proactive: { article: string; columns: string[]; rows: { label: string; cells: Cell[] }[] }[];
  register: { label: string; entries: number; items: number }[];
  applicationColumns: { key: string; label: string }[];
  applications: { key: string; label: string; counts: Record<string, number> }[];
  reviewLitigation: {
    reconsideration: { label: string; value: number }[];
    litigationDirect: { label: string; value: number }[];
    litigationAfterReconsideration: { label: string; value: number }[];
  } | null;
  missing: { metricId: string; name: string }[];
}
interface ReportText {
  version: number;
  overviewNote: string;
  problems: string;
  otherMatters: string;
  submittedOn: string | null;
  publishedOn: string | null;
}
type TextForm = Omit<ReportText, 'version' | 'submittedOn' | 'publishedOn'> & {
  submittedOn: Dayjs | null;
  publishedOn: Dayjs | null;
};

const printed = (c: Cell) => (c.value === null ? <Tag color="orange">未填报</Tag> : String(c.value));

/** The report as a Word file to print and sign, and as a web page to publish. */
const downloads = [
  { ext: 'docx', label: '下载Word', icon: <FileWordOutlined /> },
  { ext: 'html', label: '下载网页版', icon: <GlobalOutlined /> },
];

/** 政府信息公开工作年度报告: the tables from the records, parts 五/六 written here, Word and web versions. */
export default function DisclosureReportPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { treeData } = useOrgTree();
  const orgId = params.get('orgId') ?? me?.orgId ?? null;
  const year = Number(params.get('year') ?? new Date().getFullYear() - 1);
  const query = orgId ? { orgId, year } : undefined;
  const report = useFetch<Report>(orgId ? '/api/requests/disclosure-report' : null, query);
  const text = useFetch<ReportText>(orgId ? '/api/requests/disclosure-report/text' : null, query);
  const [form] = Form.useForm<TextForm>();
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs(`${year + 1}-01-20`));
  const editable = can(me, 'requests:disclosure:edit');
  const r = report.data;

  useEffect(() => {
    const t = text.data;
    if (!t) return;
    form.setFieldsValue({
      overviewNote: t.overviewNote,
      problems: t.problems,
      otherMatters: t.otherMatters,
      submittedOn: t.submittedOn ? dayjs(t.submittedOn) : null,
      publishedOn: t.publishedOn ? dayjs(t.publishedOn) : null,
    });
  }, [text.data, form]);

  const choose = (next: { orgId?: string; year?: number }) => {
    const p = new URLSearchParams(params);
    if (next.orgId) p.set('orgId', next.orgId);
    if (next.year) p.set('year', String(next.year));
    setParams(p);
  };
  async function save(v: TextForm) {
    try {
      await api.put('/api/requests/disclosure-report/text', {
        orgId,
        year,
        version: text.data?.version ?? 0,
        overviewNote: v.overviewNote ?? '',
        problems: v.problems ?? '',
        otherMatters: v.otherMatters ?? '',
        submittedOn: v.submittedOn ? v.submittedOn.format('YYYY-MM-DD') : null,
        publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
      });
      notifySuccess('已保存');
      text.reload();
      report.reload();
    } catch (e) {
      applyFormError(form, e);
    }
  }
  async function askFigures() {
    await sendAction(
      () =>
        api.post('/api/requests/disclosure-report/data-call', {
          orgId,
          year,
          deadline: deadline?.format('YYYY-MM-DD'),
        }),
      '已生成数据填报任务(草稿),请在“数据填报”中下发',
    );
  }
  const cols = r?.applicationColumns ?? [];
  return (
    <PageCard
      title="政府信息公开工作年度报告"
      extra={
        <Space wrap>
          <TreeSelect
            style={{ width: 240 }}
            treeData={treeData}
            value={orgId ?? undefined}
            showSearch
            treeNodeFilterProp="title"
            placeholder="选择单位"
            onChange={(v: string) => choose({ orgId: v })}
          />
          <InputNumber
            min={2008}
            max={2100}
            value={year}
            suffix="年度"
            onChange={(v) => v && choose({ year: v })}
          />
          {downloads.map((d) => (
            <Button
              key={d.ext}
              icon={d.icon}
              disabled={!r}
              onClick={() =>
                void downloadFile(
                  `/api/requests/disclosure-report.${d.ext}`,
                  query ?? {},
                  `政务公开年报.${d.ext}`,
                ).catch(showError)
              }
            >
              {d.label}
            </Button>
          ))}
        </Space>
      }
    >
      {r && (
        <>
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {r.title}
          </Typography.Title>
          {r.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={`以下数据平台没有业务记录,也尚未填报:${r.missing.map((m) => m.name).join('、')}`}
              action={
                editable && (
                  <Space wrap>
                    <DatePicker value={deadline} onChange={setDeadline} placeholder="填报截止日期" />
                    <Button size="small" onClick={() => void askFigures()}>
                      发起数据填报
                    </Button>
                  </Space>
                )
              }
            />
          )}
          <Typography.Title level={5}>一、总体情况</Typography.Title>
          {r.overview.map((p) => (
            <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
          ))}
          <Typography.Title level={5}>二、主动公开政府信息情况</Typography.Title>
          {r.proactive.map((b) => (
            <WholeTable
              key={b.article}
              bordered
              title={() => b.article}
              rowKey="label"
              dataSource={b.rows}
              scrollX="max-content"
              columns={b.columns.map((c, i) => ({
                title: c,
                key: c,
                render: (_: unknown, row: { label: string; cells: Cell[] }) =>
                  i === 0 ? row.label : row.cells[i - 1] ? printed(row.cells[i - 1] as Cell) : '',
              }))}
              style={{ marginBottom: 8 }}
            />
          ))}
          {r.register.length > 0 && (
            <WholeTable
              bordered
              title={() => '其他主动公开政府信息(主动公开登记)'}
              rowKey="label"
              dataSource={r.register}
              columns={[
                { title: '类别', dataIndex: 'label', key: 'label' },
                { title: '公开次数', dataIndex: 'entries', key: 'entries', align: 'right' },
                { title: '公开条数', dataIndex: 'items', key: 'items', align: 'right' },
              ]}
            />
          )}
          <Typography.Title level={5}>三、收到和处理政府信息公开申请情况</Typography.Title>
          <WholeTable
            bordered
            rowKey="key"
            dataSource={r.applications}
            scrollX="max-content"
            columns={[
              { title: '项目', dataIndex: 'label', key: 'label', width: 320 },
              ...cols.map((c) => ({
                title: c.key === 'person' || c.key === 'total' ? c.label : `法人或其他组织:${c.label}`,
                key: c.key,
                align: 'right' as const,
                render: (_: unknown, row: Report['applications'][number]) => row.counts[c.key] ?? 0,
              })),
            ]}
          />
          <Typography.Title level={5}>四、政府信息公开行政复议、行政诉讼情况</Typography.Title>
          {r.reviewLitigation ? (
            <WholeTable
              bordered
              rowKey="name"
              scrollX="max-content"
              dataSource={[
                { name: '行政复议', cells: r.reviewLitigation.reconsideration },
                { name: '行政诉讼:未经复议直接起诉', cells: r.reviewLitigation.litigationDirect },
                { name: '行政诉讼:复议后起诉', cells: r.reviewLitigation.litigationAfterReconsideration },
              ]}
              columns={[
                { title: '', dataIndex: 'name', key: 'name' },
                ...(r.reviewLitigation.reconsideration.map((c, i) => ({
                  title: c.label,
                  key: c.label,
                  align: 'right' as const,
                  render: (_: unknown, row: { cells: { value: number }[] }) => row.cells[i]?.value ?? 0,
                })) ?? []),
              ]}
            />
          ) : (
            <Alert type="info" message="您无权查看行政复议、行政诉讼台账,本表由有权限的人员生成" />
          )}
        </>
      )}
      {orgId && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          disabled={!editable}
          style={{ marginTop: 16 }}
        >
          <Form.Item name="overviewNote" label="总体情况补充(接在自动生成的总体情况之后)">
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="problems" label="五、存在的主要问题及改进情况">
            <Input.TextArea rows={4} maxLength={8000} showCount />
          </Form.Item>
          <Form.Item name="otherMatters" label="六、其他需要报告的事项(含信息处理费收取情况)">
            <Input.TextArea rows={3} maxLength={8000} showCount />
          </Form.Item>
          <Space wrap>
            <DateItem name="submittedOn" label="报送日期(1月31日前)" />
            <DateItem name="publishedOn" label="向社会公布日期" />
          </Space>
          {editable && (
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          )}
        </Form>
      )}
    </PageCard>
  );
}
