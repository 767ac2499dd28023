import { Segmented } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';

/**
 * A record's next act (复议, 两法衔接): the acts it allows now as a choice, the first until another
 * is chosen, and `form` for the chosen one, made afresh whenever the record changes (`version`).
 * `form` gets `done` for when the act is recorded: the choice goes back to the first, and `onDone`.
 */
export function NextActs<A extends { action: string; label: string }>({
  actions,
  version,
  onDone,
  form,
}: {
  actions: readonly A[];
  version: number;
  onDone: () => void;
  form: (next: A, done: () => void) => ReactNode;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const next = actions.find((a) => a.action === chosen) ?? actions[0];
  if (!next) return null;
  const done = () => {
    setChosen(null);
    onDone();
  };
  return (
    <>
      <Segmented
        options={actions.map((a) => ({ value: a.action, label: a.label }))}
        value={next.action}
        onChange={(v) => setChosen(String(v))}
        style={{ marginBottom: 12, flexWrap: 'wrap', maxWidth: '100%', overflowX: 'auto' }}
      />
      <Fragment key={`${next.action}-${version}`}>{form(next, done)}</Fragment>
    </>
  );
}
