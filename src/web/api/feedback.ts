import type { App, FormInstance } from 'antd';
import { ApiError } from './client.js';

/**
 * antd's context-aware message API, captured once by <FeedbackBridge/> inside <App>, so that
 * code outside components (list hooks, handlers) can show the server's Chinese `detail`.
 */
type MessageInstance = ReturnType<typeof App.useApp>['message'];
let messageApi: MessageInstance | null = null;

export function setMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.message) return `操作失败:${error.message}`;
  return '操作失败,请稍后再试';
}

/** Shows an error's Chinese detail as a toast. */
export function showError(error: unknown): void {
  void messageApi?.error(describe(error));
}

/**
 * A one-click action (公示, 停用, 删除 …): sends it, then shows `done` and calls `then` (read the
 * record or list again); a refusal shows the server's detail as a toast instead.
 */
export async function sendAction(
  send: () => Promise<unknown>,
  done: string,
  then?: () => void,
): Promise<void> {
  try {
    await send();
    notifySuccess(done);
    then?.();
  } catch (e) {
    showError(e);
  }
}

/** The form field a server path like `roleIds.0` or `/parentId` points at. */
function topField(path: string): string {
  return path.replace(/^\//, '').split(/[./[]/)[0] ?? '';
}

/**
 * Marks the fields the server named (`field` and `errors[].field`) on the form, so the user sees
 * which input is at fault, and shows the detail as a toast — the one toast of the refusal, so a
 * caller shows nothing more. `fieldOnForm` names the form's field where the server's name for it
 * (`data.days`, `at`) is not the form's.
 */
export function applyFormError(
  form: FormInstance,
  error: unknown,
  fieldOnForm?: (serverField: string) => string | undefined,
): void {
  showError(error);
  if (!(error instanceof ApiError)) return;
  // getFieldsValue() without arguments lists every registered field, set or not.
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const add = (path: string | undefined, text: string) => {
    if (!path) return;
    const top = topField(path);
    const name = top && known.has(top) ? top : fieldOnForm?.(path);
    if (!name || !known.has(name)) return;
    byField.set(name, [...(byField.get(name) ?? []), text]);
  };
  for (const problem of error.errors) add(problem.field, problem.message || error.detail);
  if (byField.size === 0) add(error.field, error.detail);
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}

/** The form's values, or null when a field is invalid (the form already marks it in red). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
