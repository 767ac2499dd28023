import { Checkbox, Col, Row, Typography } from 'antd';
import type { PermissionMeta } from '../api/types.js';

const ALL = '*';

function groupsOf(permissions: PermissionMeta[]): [string, PermissionMeta[]][] {
  const groups = new Map<string, PermissionMeta[]>();
  for (const p of permissions) {
    if (p.code === ALL) continue;
    groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  }
  return [...groups];
}

/**
 * Permission checkboxes grouped as /api/permissions groups them, each group with its own
 * 全选. '*' (all permissions, the built-in administrator) is a separate switch above.
 */
export function PermissionPicker({
  permissions,
  value = [],
  onChange,
}: {
  permissions: PermissionMeta[];
  value?: string[];
  onChange?: (next: string[]) => void;
}) {
  const chosen = new Set(value);
  const all = chosen.has(ALL);
  const set = (codes: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const c of codes) {
      if (on) next.add(c);
      else next.delete(c);
    }
    onChange?.([...next]);
  };

  return (
    <div>
      <Checkbox checked={all} onChange={(e) => set([ALL], e.target.checked)} style={{ marginBottom: 8 }}>
        <Typography.Text strong>全部权限</Typography.Text>
        <Typography.Text type="secondary">(含今后新增的功能,仅限系统管理员)</Typography.Text>
      </Checkbox>
      {groupsOf(permissions).map(([group, perms]) => {
        const codes = perms.map((p) => p.code);
        const count = codes.filter((c) => chosen.has(c)).length;
        return (
          <div
            key={group}
            style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 8, marginBottom: 8 }}
          >
            <Checkbox
              disabled={all}
              checked={count === codes.length}
              indeterminate={count > 0 && count < codes.length}
              onChange={(e) => set(codes, e.target.checked)}
            >
              <Typography.Text strong>{group}</Typography.Text>
            </Checkbox>
            <Row gutter={[8, 4]} style={{ marginTop: 6, paddingLeft: 24 }}>
              {perms.map((p) => (
                <Col key={p.code} xs={24} sm={12}>
                  <Checkbox
                    disabled={all}
                    checked={all || chosen.has(p.code)}
                    onChange={(e) => set([p.code], e.target.checked)}
                  >
                    {p.name}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </div>
  );
}
