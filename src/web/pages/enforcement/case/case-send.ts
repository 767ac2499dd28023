import type { FormInstance } from 'antd';
import { api } from '../../../api/client.js';
import { notifySuccess } from '../../../api/feedback.js';
import { applyServerError } from '../../../api/form-errors.js';
import { useSending } from '../../../components/use-submit.js';
import type { CaseDetail } from '../types.js';

/**
 * A case form's send (立案, an act, 补录): the case as the server answers it is announced by
 * `notice` and handed to `then`; a refusal marks the fields it names. `saving` while it is sent.
 */
export function useCaseSend<V>(form: FormInstance<V>) {
  const { busy, run } = useSending();
  const send = (
    path: string,
    body: unknown,
    notice: (c: CaseDetail) => string,
    then: (c: CaseDetail) => void,
  ) =>
    run(
      async () => {
        const c = await api.post<CaseDetail>(path, body);
        notifySuccess(notice(c));
        then(c);
      },
      (e) => applyServerError(form, e),
    );
  return { saving: busy, send };
}
