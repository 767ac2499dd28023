import { EditOutlined, HistoryOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  Descriptions,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  type TableColumnsType,
  Tag,
  Timeline,
} from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess, validated } from '../../api/feedback.js';
import type { Page } from '../../api/types.js';
import { can, useMe } from '../../auth/auth-context.js';
import { ImportButton } from '../../components/import-button.js';
import { ExportButton, FilterForm, formatInstant, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { SelectFilter } from '../../components/filter-fields.js';
import { statusOptions } from './options.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSending, useSubmit } from '../../components/use-submit.js';
import { EditModal } from '../../components/edit-modal.js';
import { useRecord } from '../../components/record-drawer.js';

/** What every entry of the four lists carries (src/domains/powers/schema.ts ListEntryBase). */
export interface Entry {
  id: string;
  orgName: string;
  status: 'active' | 'repealed';
  statusLabel: string;
  revision: number;
  version: number;
  powerItemCode: string | null;
  powerItemName: string | null;
}

interface Revision {
  revision: number;
  changeLabel: string;
  reason: string;
  changedByName: string;
  changedAt: string;
}

export interface ListPageConfig<T extends Entry> {
  title: string;
  /** '/api/powers/licenses' */
  path: string;
  editPermission: string;
  columns: TableColumnsType<T>;
  filters: ReactNode;
  /** the form's fields; `editing` is undefined when creating */
  formFields: (editing: T | undefined, form: FormInstance) => ReactNode;
  /** the request body (without version / reason, and without the `identity` fields) */
  toBody: (values: Record<string, unknown>) => Record<string, unknown>;
  /** the fields that name an entry: sent when it is created, never changed by an amendment */
  identity: readonly string[];
  detail: (e: T) => ReactNode;
  scrollX?: number;
  initialValues?: Record<string, unknown>;
  /** entries are filed for an org: the page reads the orgs the user may see once, for `OrgFilter` and `OrgAndCodeCols` */
  byOrg?: boolean;
}

type OrgOption = { value: string; label: string };
/** The orgs of a `byOrg` list, read once by its ListPage. */
const OrgOptions = createContext<OrgOption[]>([]);

export function StatusTag({ e }: { e: Entry }) {
  return e.status === 'active' ? <Tag color="green">有效 · 第{e.revision}版</Tag> : <Tag>已取消</Tag>;
}

/** 状态 filter: 有效 / 已取消. */
export function StatusFilter() {
  return <SelectFilter name="status" label="状态" options={statusOptions} width={90} />;
}

/** 单位 filter over the orgs the user may see entries of (on a `byOrg` list). */
export function OrgFilter() {
  return <SelectFilter name="orgId" label="单位" options={useContext(OrgOptions)} width={200} search />;
}

/** 所属单位 and the entry's code (on a `byOrg` list): chosen when the entry is filed, fixed by an amendment. */
export function OrgAndCodeCols({
  editing,
  codeLabel,
  codeMessage,
}: {
  editing: boolean;
  codeLabel: string;
  codeMessage: string;
}) {
  const orgOptions = useContext(OrgOptions);
  return (
    <>
      <Col span={12}>
        <Form.Item name="orgId" label="所属单位" rules={[{ required: !editing, message: '请选择单位' }]}>
          <Select showSearch optionFilterProp="label" options={orgOptions} disabled={editing} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="code" label={codeLabel} rules={[{ required: !editing, message: codeMessage }]}>
          <Input disabled={editing} maxLength={40} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The entry's legal basis: the law's name, then the article. */
export function BasisCols({
  lawLabel,
  lawMessage,
  lawPlaceholder,
  articlePlaceholder,
}: {
  lawLabel: string;
  lawMessage: string;
  lawPlaceholder?: string;
  articlePlaceholder: string;
}) {
  return (
    <>
      <Col span={14}>
        <Form.Item name="lawName" label={lawLabel} rules={[{ required: true, message: lawMessage }]}>
          <Input maxLength={100} placeholder={lawPlaceholder} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="article" label="条款" rules={[{ required: true, message: '请填写条款' }]}>
          <Input placeholder={articlePlaceholder} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The orgs the user may file entries for, as Select options; none read when `read` is false. */
function useOrgOptions(read: boolean): OrgOption[] {
  const { data } = useFetch<Page<{ id: string; name: string }>>(read ? '/api/orgs' : null, { pageSize: 200 });
  return (data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
}

/** Power items of the user's scope as Select options, searched on the server. */
export function PowerItemSelect({
  value,
  onChange,
  category,
  disabled,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  category?: string;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const { data, loading } = useFetch<Page<{ id: string; code: string; name: string }>>(
    '/api/enforcement/powers',
    {
      q,
      pageSize: 50,
      status: 'active',
      ...(category ? { category } : {}),
    },
  );
  return (
    <Select
      showSearch
      allowClear
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      filterOption={false}
      onSearch={setQ}
      loading={loading}
      placeholder="输入事项名称或编码搜索"
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
    />
  );
}

/** A dense list with filters, Excel export/import, create / amend / repeal and the revision history. */
export function ListPage<T extends Entry>(cfg: ListPageConfig<T>) {
  const me = useMe();
  const list = useList<T>(cfg.path);
  const mayEdit = can(me, cfg.editPermission);
  const [editing, setEditing] = useState<{ entry: T | undefined } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [repealing, setRepealing] = useState<T | null>(null);
  const orgOptions = useOrgOptions(cfg.byOrg ?? false);

  const actions: TableColumnsType<T>[number] = {
    title: '操作',
    key: 'actions',
    fixed: 'right',
    width: mayEdit ? 200 : 70,
    render: (_, e) => (
      <Space size={0}>
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setViewing(e.id)}>
          详情
        </Button>
        {mayEdit && e.status === 'active' && (
          <>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ entry: e })}>
              变更
            </Button>
            <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setRepealing(e)}>
              取消
            </Button>
          </>
        )}
      </Space>
    ),
  };

  return (
    <OrgOptions.Provider value={orgOptions}>
      <PageCard
        title={cfg.title}
        extra={
          <Space wrap>
            {mayEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: undefined })}>
                新增
              </Button>
            )}
            {mayEdit && <ImportButton path={`${cfg.path}/import`} onImported={list.reload} />}
            <ExportButton
              path={`${cfg.path}/export.xlsx`}
              query={list.filters}
              filename={`${cfg.title}.xlsx`}
            />
          </Space>
        }
      >
        <FilterForm onSearch={list.setFilters}>{cfg.filters}</FilterForm>
        <LedgerTable list={list} bordered columns={[...cfg.columns, actions]} scrollX={cfg.scrollX ?? 1200} />
        <EntryForm
          cfg={cfg}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
        <RepealModal
          path={cfg.path}
          entry={repealing}
          onClose={() => setRepealing(null)}
          onDone={() => {
            setRepealing(null);
            list.reload();
          }}
        />
        <EntryDrawer cfg={cfg} id={viewing} onClose={() => setViewing(null)} />
      </PageCard>
    </OrgOptions.Provider>
  );
}

function EntryForm<T extends Entry>({
  cfg,
  editing,
  onClose,
  onSaved,
}: {
  cfg: ListPageConfig<T>;
  editing: { entry: T | undefined } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const entry = editing?.entry;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.entry ? { ...editing.entry } : (cfg.initialValues ?? {}));
  }, [editing, form, cfg]);

  const save = useSubmit(form, async (v) => {
    const values = v as Record<string, unknown>;
    const body = cfg.toBody(values);
    if (entry) {
      await api.post(`${cfg.path}/${entry.id}/amend`, {
        ...body,
        version: entry.version,
        reason: v.reason,
      });
      notifySuccess('已变更,原内容保留在变更记录中');
    } else {
      await api.post(cfg.path, { ...body, ...Object.fromEntries(cfg.identity.map((k) => [k, values[k]])) });
      notifySuccess('已新增');
    }
    onSaved();
  });

  return (
    <EditModal
      title={entry ? `变更:${cfg.title}` : `新增:${cfg.title}`}
      open={editing !== null}
      onClose={onClose}
      save={save}
      width={720}
    >
      <Form form={form} name="entry" layout="vertical" size="small">
        {cfg.formFields(entry, form)}
        {entry && (
          <Form.Item
            label="变更理由"
            name="reason"
            rules={[{ required: true, whitespace: true, min: 2, message: '请写明变更理由(至少 2 个字)' }]}
          >
            <Input maxLength={500} placeholder="如:依据法律修订调整" />
          </Form.Item>
        )}
      </Form>
    </EditModal>
  );
}

function RepealModal<T extends Entry>({
  path,
  entry,
  onClose,
  onDone,
}: {
  path: string;
  entry: T | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useSending();
  return (
    <Modal
      title="取消该事项"
      open={entry !== null}
      okText="确认取消"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      onOk={async () => {
        const v = await validated(form);
        if (!v || !entry) return;
        await run(
          async () => {
            await api.post(`${path}/${entry.id}/repeal`, { version: entry.version, reason: v.reason });
            notifySuccess('已取消,历史记录保留');
            onDone();
          },
          (e) => {
            applyFormError(form, e);
          },
        );
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="取消理由"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 2, message: '请写明取消理由(至少 2 个字)' }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder="如:职能划转、法律废止" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EntryDrawer<T extends Entry>({
  cfg,
  id,
  onClose,
}: {
  cfg: ListPageConfig<T>;
  id: string | null;
  onClose: () => void;
}) {
  const { record: e, loading } = useRecord<T & { revisions: Revision[] }>(cfg.path, id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={680} title={`${cfg.title}详情`}>
      {loading && !e && <Spin />}
      {e && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="所属单位">{e.orgName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag e={e} />
            </Descriptions.Item>
            {e.powerItemName && (
              <Descriptions.Item label="权责事项" span={2}>
                {e.powerItemCode} {e.powerItemName}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div style={{ margin: '12px 0' }}>{cfg.detail(e)}</div>
          <h4>变更记录</h4>
          <Timeline
            items={e.revisions.map((r) => ({
              color: r.changeLabel === '取消' ? 'gray' : r.changeLabel === '新增' ? 'green' : 'blue',
              children: (
                <>
                  <b>
                    第{r.revision}版 · {r.changeLabel}
                  </b>{' '}
                  {formatInstant(r.changedAt)} {r.changedByName}
                  {r.reason && <div>理由:{r.reason}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
