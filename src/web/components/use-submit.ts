import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyFormError, validated } from '../api/feedback.js';

/**
 * A form's submit: when a field is invalid nothing is sent (the form marks it); otherwise `send`
 * gets the values while `busy` is true, and a refusal marks the fields the server named.
 */
export function useSubmit<V>(form: FormInstance<V>, send: (values: V) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  async function submit() {
    const values = await validated(form);
    if (!values) return;
    setBusy(true);
    try {
      await send(values);
    } catch (e) {
      applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, submit };
}
