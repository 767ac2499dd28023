import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Space } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess, validated } from '../../api/feedback.js';
import { useFetch } from '../../components/use-fetch.js';
import {
  type IssuerSettings,
  type IssuerValues,
  issuerBody,
  issuerValues,
  type MastheadPreview,
  mastheadPreview,
} from './issuer-bodies.js';

const RED = '#e00';

/** The 红头 as the Word file prints it: names in red (a joint issue stacked beside 文件), 文号, red rule. */
export function Masthead({ p }: { p: MastheadPreview }) {
  const red = {
    color: RED,
    fontFamily: '"方正小标宋简体","STZhongsong",serif',
    fontSize: 26,
    lineHeight: 1.3,
  };
  return (
    <div
      data-testid="masthead-preview"
      style={{
        border: '1px solid #eee',
        padding: '16px 20px',
        background: '#fff',
        fontFamily: 'FangSong,serif',
      }}
    >
      {p.names.length === 1 ? (
        <div style={{ ...red, textAlign: 'center' }}>
          {p.names[0]}
          {p.suffix}
        </div>
      ) : (
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12 }}>
          <div>
            {p.names.map((n) => (
              <div key={n} style={{ ...red, textAlign: 'justify', textAlignLast: 'justify' }}>
                {n}
              </div>
            ))}
          </div>
          {p.suffix && <div style={red}>{p.suffix}</div>}
        </div>
      )}
      <div style={{ textAlign: 'center', marginTop: 16, minHeight: 22 }}>{p.docNumber ?? ''}</div>
      <div style={{ borderBottom: `2px solid ${RED}`, margin: '4px 0 12px' }} />
      <div style={{ textAlign: 'center', color: '#999' }}>(标题)</div>
      {p.addressees && <div>{p.addressees}</div>}
      <div style={{ color: '#999', textIndent: '2em' }}>(正文)</div>
      <div style={{ textAlign: 'right', paddingRight: '2em' }}>
        {p.signers.map((s) => (
          <div key={s}>{s}</div>
        ))}
      </div>
      {p.imprint && (
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            borderTop: '1px solid #000',
            borderBottom: '1px solid #000',
            marginTop: 12,
            padding: '2px 1em',
          }}
        >
          <span>{p.imprint.by}</span>
          <span>{p.imprint.date}印发</span>
        </div>
      )}
    </div>
  );
}

function NameList({
  name,
  label,
  max,
  addText,
}: {
  name: string;
  label: string;
  max: number;
  addText: string;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label} required>
          {fields.map((f) => (
            <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[f.name, 'name']}
                noStyle
                rules={[{ required: true, whitespace: true, message: '请填写机关名称' }]}
              >
                <Input style={{ width: 'min(300px, 60vw)' }} maxLength={40} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />}
            </Space>
          ))}
          {fields.length < max && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              {addText}
            </Button>
          )}
        </Form.Item>
      )}
    </Form.List>
  );
}

/**
 * 发文设置: how the org issues its annual report as a 公文 (红头, 文号, 主送机关, 署名, 印发机关),
 * with the 红头 previewed as the values change.
 */
export function IssuerModal({
  orgId,
  orgName,
  issueYear,
  onClose,
}: {
  orgId: string;
  orgName: string;
  issueYear: number;
  onClose: () => void;
}) {
  const { data } = useFetch<IssuerSettings>(`/api/report-issuers/${orgId}`);
  const [form] = Form.useForm<IssuerValues>();
  useEffect(() => {
    if (data) form.setFieldsValue(issuerValues(data));
  }, [data, form]);
  const values = Form.useWatch([], form) as IssuerValues | undefined;
  const joint = Form.useWatch('joint', form) as boolean | undefined;
  const signAsHeader = Form.useWatch('signAsHeader', form) as boolean | undefined;
  const save = async () => {
    const v = await validated(form);
    if (!v || !data) return;
    try {
      await api.put(`/api/report-issuers/${orgId}`, issuerBody(data.version, v));
      notifySuccess('发文设置已保存');
      onClose();
    } catch (e) {
      applyFormError(form, e);
    }
  };
  return (
    <Modal
      open
      width={960}
      title="发文设置(红头、文号、主送机关)"
      okText="保存"
      onOk={save}
      onCancel={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form form={form} layout="vertical" size="small" disabled={!data}>
            <Form.Item name="joint" label="发文方式">
              <Radio.Group
                options={[
                  { value: false, label: '单独发文' },
                  { value: true, label: '联合发文(党委、政府)' },
                ]}
              />
            </Form.Item>
            {joint ? (
              <NameList name="headerNames" label="发文机关(党委在前)" max={3} addText="添加发文机关" />
            ) : (
              <Form.Item
                name={['headerNames', 0, 'name']}
                label="发文机关"
                rules={[{ required: true, whitespace: true, message: '请填写发文机关名称' }]}
              >
                <Input maxLength={40} placeholder={orgName} />
              </Form.Item>
            )}
            <Form.Item name="headerSuffix" label="红头后缀" extra="一般为“文件”;信函格式留空">
              <Input maxLength={10} />
            </Form.Item>
            <Space align="start">
              <Form.Item name="docCode" label="发文机关代字" extra="如“某政发”;留空则不印文号">
                <Input maxLength={20} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="docNumber" label="发文序号" extra="留空待印发前填写">
                <InputNumber min={1} max={9999} precision={0} style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Form.Item name="addressees" label="主送机关" extra="如“市委、市人民政府”">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="signAsHeader" valuePropName="checked">
              <Checkbox>署名与发文机关相同</Checkbox>
            </Form.Item>
            {signAsHeader === false && (
              <NameList name="signers" label="署名" max={3} addText="添加署名机关" />
            )}
            <Form.Item name="printedBy" label="印发机关(版记)" extra="如“某县人民政府办公室”;留空则不印版记">
              <Input maxLength={40} />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} md={12}>
          <div style={{ marginBottom: 8, color: '#666' }}>红头预览</div>
          {values?.headerNames && <Masthead p={mastheadPreview(values, orgName, issueYear)} />}
        </Col>
      </Row>
    </Modal>
  );
}
