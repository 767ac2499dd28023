import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyFormError, validated } from '../api/feedback.js';

/**
 * A form's submit: when a field is invalid nothing is sent (the form marks it); otherwise `send`
 * gets the values while `busy` is true, and a refusal marks the fields the server named — by
 * `fieldOnForm` where the server's name for a field (`data.days`, `at`) is not the form's.
 */
export function useSubmit<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<unknown>,
  fieldOnForm?: (serverField: string) => string | undefined,
) {
  const { busy, run } = useSending();
  async function submit() {
    const values = await validated(form);
    if (!values) return;
    await run(
      () => send(values),
      (e) => applyFormError(form, e, fieldOnForm),
    );
  }
  return { busy, submit };
}

/**
 * Work sent to the server behind a busy flag (the button spins, a second click waits): `busy` is
 * true while `run`'s work is under way; a failure goes to `failed` (mark the form, show the
 * toast); busy ends either way.
 */
export function useSending() {
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>, failed: (e: unknown) => void) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
