import { Descriptions, Tag, Timeline } from 'antd';
import { type ReactNode, useState } from 'react';
import { RecordDrawer } from '../../components/record-drawer.js';
import { ActionButtons, ActionModal, type OpenForm } from './action-modal.js';
import type { FormSpec } from './action-specs.js';

/**
 * The form a legality page has open (from its buttons or its record's acts) and the dialog that
 * asks it; once saved, the dialog closes and `reload` refreshes what the act changed.
 */
export function useActForm(reload: () => void) {
  const [form, setForm] = useState<OpenForm | null>(null);
  const modal = (
    <ActionModal
      open={form}
      onClose={() => setForm(null)}
      onDone={() => {
        setForm(null);
        reload();
      }}
    />
  );
  return { open: setForm, modal };
}

interface ActedRecord {
  id: string;
  title: string;
  version: number;
  allowedActions: { action: string; label: string }[];
}

/**
 * A legality record's drawer: a button per act it allows now, opening that act's form from `forms`
 * (posted to `…/:id/actions` with the record's version, offering `checks`) unless `formFor` names
 * another; then `children`.
 */
export function ActsDrawer<T extends ActedRecord>({
  of,
  width,
  emptyTitle,
  forms,
  formFor,
  checks,
  onOpen,
  children,
}: {
  /** the ledger's open record (useOpenRecord) */
  of: { base: string; id: string | null; close: () => void; record: T | undefined; loading: boolean };
  width: number;
  /** the title until the record has come */
  emptyTitle: string;
  forms: Record<string, FormSpec>;
  formFor?: (record: T, action: string) => OpenForm | undefined;
  checks?: (record: T) => string[];
  onOpen: (form: OpenForm) => void;
  children: (record: T) => ReactNode;
}) {
  const { record } = of;
  const actForm = (d: T, action: string): OpenForm | undefined => {
    const spec = forms[action];
    return (
      spec && {
        spec,
        path: `${of.base}/${d.id}/actions`,
        extra: { version: d.version },
        ...(checks ? { checks: checks(d) } : {}),
      }
    );
  };
  return (
    <RecordDrawer
      open={of.id !== null}
      record={record}
      loading={of.loading}
      onClose={of.close}
      width={width}
      title={record ? record.title : emptyTitle}
    >
      {(d) => (
        <>
          <ActionButtons
            actions={d.allowedActions}
            formFor={(action) => formFor?.(d, action) ?? actForm(d, action)}
            onOpen={onOpen}
          />
          {children(d)}
        </>
      )}
    </RecordDrawer>
  );
}

/** The steps a record must pass (审核, 审议, 程序 …), each 已完成 or 未完成 with its note; `children` adds rows. */
export function StepList({
  steps,
  children,
}: {
  steps: { step: string; done: boolean; note: string }[];
  children?: ReactNode;
}) {
  return (
    <Descriptions size="small" column={1} bordered>
      {steps.map((g) => (
        <Descriptions.Item key={g.step} label={g.step}>
          <Tag color={g.done ? 'green' : 'default'}>{g.done ? '已完成' : '未完成'}</Tag>
          {g.note}
        </Descriptions.Item>
      ))}
      {children}
    </Descriptions>
  );
}

/** A record's acts in order: date, act, who did it, and the reason given. */
export function ActTimeline({
  acts,
}: {
  acts: { actionLabel: string; date: string; actorName: string; reason?: string | null }[];
}) {
  return (
    <Timeline
      style={{ marginTop: 16 }}
      items={acts.map((t) => ({
        children: `${t.date} ${t.actionLabel}(${t.actorName})${t.reason ? `:${t.reason}` : ''}`,
      }))}
    />
  );
}
