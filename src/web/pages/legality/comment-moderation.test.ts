import { describe, expect, it } from 'vitest';
import { ModerateInput } from '../../../domains/legality/portal/service.js';
import { adoptionLabels } from '../../../domains/legality/review/labels.js';
import { adoptionOptions, moderationBody } from './comment-moderation.js';

/** The 公众意见 panel posts what the moderation route takes, and keeps what the click did not change. */
describe('公众意见审核 bodies', () => {
  const pending = { status: 'pending' as const, adoption: null, reply: '' };
  const answered = { status: 'shown' as const, adoption: 'notAdopted' as const, reply: '与上位法不一致' };

  it('offers exactly the server’s adoption answers, with its labels', () => {
    expect(Object.fromEntries(adoptionOptions.map((o) => [o.value, o.label]))).toEqual(adoptionLabels);
  });

  it('公开 / 不予公开 a pending comment: the status only', () => {
    for (const status of ['shown', 'hidden'] as const) {
      const body = moderationBody(pending, { status });
      expect(body).toEqual({ status });
      expect(ModerateInput.safeParse(body).success).toBe(true);
    }
  });

  it('withholding an answered comment keeps its answer', () => {
    const body = moderationBody(answered, { status: 'hidden' });
    expect(body).toEqual({ status: 'hidden', adoption: 'notAdopted', reply: '与上位法不一致' });
    expect(ModerateInput.safeParse(body).success).toBe(true);
  });

  it('answering a pending comment publishes it with the answer; a withheld one stays withheld', () => {
    const body = moderationBody(pending, { adoption: 'adopted', reply: ' 已在第五条增加 ' });
    expect(body).toEqual({ status: 'shown', adoption: 'adopted', reply: '已在第五条增加' });
    expect(ModerateInput.safeParse(body).success).toBe(true);
    expect(
      moderationBody({ ...answered, status: 'hidden' }, { adoption: 'partlyAdopted', reply: '部分采纳' })
        .status,
    ).toBe('hidden');
  });
});
