import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import { applyFormError, sendAction, setMessageApi } from './feedback.js';

/** A form with these fields that records what it was told to mark. */
function formWith(fields: string[]) {
  const marked: { name: unknown; errors?: string[] }[] = [];
  const form = {
    getFieldsValue: () => Object.fromEntries(fields.map((f) => [f, undefined])),
    setFields: (f: { name: unknown; errors?: string[] }[]) => marked.push(...f),
  } as unknown as FormInstance;
  return { form, marked };
}

const refusal = (field: string, detail = '不能早于立案日期') =>
  new ApiError({ status: 400, code: 'invalid', detail, field });

describe('applyFormError: the field the server names, marked on the form', () => {
  it('marks a field the form has under the same name', () => {
    const { form, marked } = formWith(['when', 'days']);
    applyFormError(form, refusal('days'));
    expect(marked).toEqual([{ name: 'days', errors: ['不能早于立案日期'] }]);
  });

  it('marks the form’s own name for a field the server calls otherwise (an act’s data.days, at)', () => {
    const recon = formWith(['when', 'days']);
    applyFormError(recon.form, refusal('data.days'), (f) => (f.startsWith('data.') ? f.slice(5) : undefined));
    expect(recon.marked).toEqual([{ name: 'days', errors: ['不能早于立案日期'] }]);
    const referral = formWith(['when', 'note']);
    applyFormError(referral.form, refusal('at'), (f) => (f === 'at' ? 'when' : undefined));
    expect(referral.marked).toEqual([{ name: 'when', errors: ['不能早于立案日期'] }]);
  });

  it('marks nothing for a field the form does not have, whatever the mapping says', () => {
    const { form, marked } = formWith(['when']);
    applyFormError(form, refusal('data.days'), () => 'days');
    applyFormError(form, refusal('version'));
    expect(marked).toEqual([]);
  });
});

describe('applyFormError: one toast per refusal', () => {
  it('shows the detail once, whether or not a field was marked', () => {
    const toasts: string[] = [];
    setMessageApi({ error: (text: string) => toasts.push(text) } as unknown as Parameters<
      typeof setMessageApi
    >[0]);
    try {
      applyFormError(formWith(['days']).form, refusal('days', '天数须为正整数'));
      applyFormError(formWith(['when']).form, refusal('version', '记录已被他人修改'));
      applyFormError(formWith(['when']).form, new Error('网络中断'));
    } finally {
      setMessageApi(null);
    }
    expect(toasts).toEqual(['天数须为正整数', '记录已被他人修改', '操作失败:网络中断']);
  });
});

describe('sendAction: a one-click action and its toast', () => {
  it('shows done and reads again once sent; shows the refusal and reads nothing when refused', async () => {
    const toasts: string[] = [];
    setMessageApi({
      success: (text: string) => toasts.push(`ok:${text}`),
      error: (text: string) => toasts.push(`error:${text}`),
    } as unknown as Parameters<typeof setMessageApi>[0]);
    let reads = 0;
    try {
      await sendAction(
        async () => undefined,
        '已公示',
        () => reads++,
      );
      await sendAction(
        async () => {
          throw new ApiError({ status: 409, code: 'conflict', detail: '记录已被他人修改' });
        },
        '已公示',
        () => reads++,
      );
    } finally {
      setMessageApi(null);
    }
    expect(toasts).toEqual(['ok:已公示', 'error:记录已被他人修改']);
    expect(reads).toBe(1);
  });
});
