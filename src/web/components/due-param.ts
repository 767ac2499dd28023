import { useSearchParams } from 'react-router-dom';

export type DueFilter = 'dueSoon' | 'overdue';

/** The 临期/逾期 filter a link opened the ledger with (`?due=overdue`, from the 驾驶舱 or a reminder). */
export function useDueParam(): DueFilter | undefined {
  const [params] = useSearchParams();
  const due = params.get('due');
  return due === 'dueSoon' || due === 'overdue' ? due : undefined;
}

export const dueOptions = [
  { value: 'dueSoon', label: '临期' },
  { value: 'overdue', label: '逾期' },
];
