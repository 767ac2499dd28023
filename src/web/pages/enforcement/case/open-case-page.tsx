import { Alert, Button, Form, Input, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { OpenCaseInput } from '../../../../domains/enforcement/cases/schema.js';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageCard } from '../../../components/ledger.js';
import { useFetch } from '../../../components/use-fetch.js';
import type { CaseRecordFile, EnforcementBody } from '../types.js';
import { toDate, todayInChina } from './dates.js';
import { HandlerPicker } from './handler-picker.js';
import { categoryOptions } from './labels.js';
import { PartyFields } from './party-fields.js';
import { PowerPicker } from './power-picker.js';
import { RecordUpload, recordRefs } from './record-upload.js';
import { SanctionFields } from './sanction-fields.js';
import { DateItem, TextItem } from '../../../components/form-items.js';
import { useCaseSend } from './case-send.js';
import { optionsOf } from '../../../components/options.js';

type Mode = 'open' | 'onTheSpot';

/**
 * The form's values: what 立案 takes as the service reads it, but the category as picked and the
 * dates as the pickers hold them; 当场处罚 adds its decision, both may carry records.
 */
interface Values extends Omit<OpenCaseInput, 'category' | 'openedOn'> {
  category: string;
  openedOn?: Dayjs;
  decidedOn?: Dayjs;
  decisionNo?: string;
  sanction?: { penalties: string[]; amount?: number };
  records?: CaseRecordFile[];
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The request body: only the fields the chosen procedure takes, empty texts left out. */
export function caseBody(mode: Mode, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {
    bodyId: v.bodyId,
    powerItemId: v.powerItemId,
    partyKind: v.partyKind,
    partyName: v.partyName?.trim(),
    facts: v.facts?.trim(),
    handlerIds: v.handlerIds,
  };
  // 行政处罚 is what every case was before categories; others are sent only when chosen
  if (mode === 'open' && v.category && v.category !== 'penalty') body.category = v.category;
  if (v.partyKind === 'person') {
    body.partyIdNumber = blank(v.partyIdNumber);
    body.partyAddress = blank(v.partyAddress);
    if (v.partyMinor) body.partyMinor = true;
  } else body.partyUscc = blank(v.partyUscc);
  const names = (v.privateNames ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length > 0) body.privateNames = names;
  const records = recordRefs(v.records);
  if (records.length > 0) body.records = records;
  if (mode === 'open') {
    body.openedOn = toDate(v.openedOn);
    body.majorReason = blank(v.majorReason);
  } else {
    const penalties = v.sanction?.penalties ?? [];
    body.decidedOn = toDate(v.decidedOn);
    body.decisionNo = blank(v.decisionNo);
    body.sanction = { penalties, amount: penalties.includes('fine') ? (v.sanction?.amount ?? 0) : 0 };
  }
  return body;
}

/** 立案 (普通程序) or 当场处罚 (简易程序): one form, the procedure chosen at the top. */
export default function OpenCasePage() {
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'onTheSpot' ? 'onTheSpot' : 'open';
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { saving, send } = useCaseSend(form);
  const bodyId = Form.useWatch('bodyId', form);
  const category = Form.useWatch('category', form) as string | undefined;
  const bodies = useFetch<{ items: EnforcementBody[] }>('/api/enforcement/bodies', { pageSize: 200 });
  const body = bodies.data?.items.find((b) => b.id === bodyId);
  const activeBodies = (bodies.data?.items ?? []).filter((b) => b.active);
  const onlyBody = activeBodies.length === 1 ? activeBodies[0]?.id : undefined;
  // a unit with one enforcement body (the usual case in the field) starts with it chosen
  useEffect(() => {
    if (onlyBody && !form.getFieldValue('bodyId')) form.setFieldsValue({ bodyId: onlyBody });
  }, [onlyBody, form]);

  const submit = async (values: Values) => {
    await send(
      mode === 'open' ? '/api/enforcement/cases' : '/api/enforcement/cases/on-the-spot',
      caseBody(mode, values),
      (created) => `${mode === 'open' ? '已立案' : '已作出当场处罚决定'}:${created.caseNo}`,
      (created) => navigate(`/enforcement/cases/${created.id}`),
    );
  };

  return (
    <PageCard title={mode === 'open' ? '立案' : '当场处罚'}>
      <Segmented<Mode>
        block
        value={mode}
        onChange={(m) => setParams(m === 'onTheSpot' ? { mode: m } : {}, { replace: true })}
        options={optionsOf({ open: '立案(普通程序)', onTheSpot: '当场处罚(简易程序)' })}
        style={{ marginBottom: 16, maxWidth: 560 }}
      />
      {mode === 'onTheSpot' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16, maxWidth: 560 }}
          message="违法事实确凿并有法定依据,对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的,可以当场作出行政处罚决定(《中华人民共和国行政处罚法》第五十一条)。"
        />
      )}
      <Form<Values>
        form={form}
        name="open-case"
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 560 }}
        initialValues={{
          category: 'penalty',
          openedOn: todayInChina(),
          decidedOn: todayInChina(),
          records: [],
        }}
      >
        <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={bodies.loading}
            placeholder="选择执法主体"
            options={activeBodies.map((b) => ({ value: b.id, label: b.name }))}
            onChange={() => form.setFieldsValue({ handlerIds: [], powerItemId: undefined })}
          />
        </Form.Item>
        {/* 当场处罚 is always a 行政处罚 */}
        <Form.Item
          name="category"
          label="案件类别"
          rules={[{ required: true, message: '请选择案件类别' }]}
          hidden={mode === 'onTheSpot'}
        >
          <Select
            options={categoryOptions}
            onChange={() => form.setFieldsValue({ powerItemId: undefined })}
          />
        </Form.Item>
        <PowerPicker orgId={body?.orgId} category={mode === 'onTheSpot' ? 'penalty' : category} />
        <PartyFields />
        <Form.Item
          name="facts"
          label={mode === 'open' ? '案情摘要' : '违法事实'}
          rules={[{ required: true, min: 4, message: '请简述案情' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <HandlerPicker bodyId={bodyId} />
        {mode === 'open' ? (
          <>
            <DateItem name="openedOn" label="立案日期" required="请选择立案日期" wide />
            <Form.Item
              name="majorReason"
              label="重大案件情形"
              extra="涉及重大公共利益、疑难复杂等情形的填写,决定前须经法制审核"
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <>
            <DateItem name="decidedOn" label="决定日期" required="请选择决定日期" wide />
            <SanctionFields prefix={['sanction']} />
            <TextItem name="decisionNo" label="决定书文号" max={60} />
          </>
        )}
        <Form.Item
          name="records"
          label={mode === 'open' ? '立案审批表等文书' : '当场处罚决定书、执法记录仪音像'}
          extra={
            mode === 'open'
              ? '立案须有经负责人批准的立案审批表(《中华人民共和国行政处罚法》第五十四条),上传后全过程记录不缺项'
              : '当场处罚须有决定书和音像记录'
          }
        >
          <RecordUpload />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {mode === 'open' ? '立案' : '作出决定'}
          </Button>
          <Button onClick={() => navigate('/enforcement/cases')}>取消</Button>
        </Space>
      </Form>
    </PageCard>
  );
}
