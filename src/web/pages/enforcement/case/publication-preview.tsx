import { Alert, Descriptions, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.js';
import type { PublicationPreview as Preview } from '../types.js';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; preview: Preview }
  | { kind: 'missing' }
  | { kind: 'error'; text: string };

/**
 * 公示预览: exactly what the public will see of this case (the portal's own field list), or why
 * nothing will be published. The portal page's `html` is not framed here: under the app's CSP a
 * srcdoc frame rendered blank.
 */
export function PublicationPreview({ caseId, version }: { caseId: string; version: number }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: version changes after each act: show the new preview
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api
      .get<Preview>(`/api/enforcement/cases/${caseId}/publication-preview`)
      .then((preview) => live && setState({ kind: 'ok', preview }))
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setState({ kind: 'missing' });
        else setState({ kind: 'error', text: e instanceof ApiError ? e.detail : '公示预览加载失败' });
      });
    return () => {
      live = false;
    };
  }, [caseId, version]);
  if (state.kind === 'loading') return <Spin size="small" />;
  if (state.kind === 'missing')
    return <Alert type="info" showIcon message="本系统尚未提供公示预览(公示门户模块未启用)" />;
  if (state.kind === 'error') return <Alert type="warning" showIcon message={state.text} />;
  const p = state.preview;
  return (
    <div>
      {!p.publishable && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={p.reason ?? '本案不予公示'} />
      )}
      {p.fields.length > 0 && (
        <Descriptions size="small" bordered column={1} title="公众看到的内容">
          {p.fields.map((f) => (
            <Descriptions.Item key={f.label} label={f.label}>
              {f.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </div>
  );
}
