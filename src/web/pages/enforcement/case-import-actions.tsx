import { Space } from 'antd';
import type { Query } from '../../api/client.js';
import { can, useMe } from '../../auth/auth-context.js';
import { ExportButton } from '../../components/ledger.js';
import { CaseImportButton } from './case-import-dialog.js';

/**
 * 导入历史案件 (all-or-nothing, with a progress bar; every bad row is listed with its row and column), the import
 * template, and the export in the same columns, for the case ledger's header.
 */
export function CaseImportActions({ query, onImported }: { query: Query; onImported: () => void }) {
  const me = useMe();
  return (
    <Space wrap>
      {can(me, 'enforcement:case:edit') && (
        <>
          <CaseImportButton onImported={onImported} />
          <ExportButton
            path="/api/enforcement/cases/import/template.xlsx"
            query={{}}
            filename="历史案件导入模板.xlsx"
            label="下载导入模板"
          />
        </>
      )}
      <ExportButton path="/api/enforcement/cases/export.xlsx" query={query} filename="执法案件台账.xlsx" />
    </Space>
  );
}
