import { Tag, Tooltip } from 'antd';

/** 暂估: the reason (the year's arrangement is not published; statutory days off skipped) on hover and for screen readers. */
export function ProvisionalTag({ reason }: { reason: string }) {
  return (
    <Tooltip title={reason}>
      <Tag style={{ marginLeft: 4 }} aria-label={reason}>
        暂估
      </Tag>
    </Tooltip>
  );
}
