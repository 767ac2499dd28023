import { describe, expect, it } from 'vitest';
import { DEFAULT_MASK_POLICY, MaskPolicy, maskRecord, maskValue, partialMask } from './mask.js';

const party = {
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路100号',
  bankAccount: '6222 0212 3456 7890',
  witness: '李四',
  fine: 5000,
};
const fields = {
  idNumber: 'idNumber',
  phone: 'phone',
  address: 'address',
  bankAccount: 'bankAccount',
  witness: 'thirdPartyName',
} as const;

describe('masking for publication (RULES.md §2.4: 隐去)', () => {
  it('drops every sensitive field by default', () => {
    expect(Object.values(DEFAULT_MASK_POLICY).every((m) => m === 'drop')).toBe(true);
    const published = maskRecord(party, fields);
    expect(published).toEqual({ name: '张三', fine: 5000 });
    expect(JSON.stringify(published)).not.toMatch(/1381234|0021|文三路|7890|李四/);
    expect(maskValue('idNumber', party.idNumber)).toBeUndefined();
  });

  it('leaves the input record untouched', () => {
    maskRecord(party, fields);
    expect(party.idNumber).toBe('11010519491231002X');
  });

  it('masks partially only when configured, field by field', () => {
    const policy = MaskPolicy.parse({ idNumber: 'partial', phone: 'partial' });
    expect(policy.address).toBe('drop');
    expect(maskRecord(party, fields, policy)).toEqual({
      name: '张三',
      idNumber: '110***********002X',
      phone: '138****5678',
      fine: 5000,
    });
  });

  it.each([
    ['idNumber', '110105199003071234', '110***********1234'],
    ['phone', '13856785678', '138****5678'],
    ['phone', '+86 138-5678-5678', '138****5678'],
    ['phone', '0571-87654321', '****-****4321'],
    ['bankAccount', '6222 0212 3456 7890', '**** **** **** 7890'],
    ['address', '浙江省杭州市西湖区文三路100号', '浙江省杭州市西湖区****'],
    ['address', '北京市朝阳区建国路88号', '北京市朝阳区****'],
    ['address', '内蒙古自治区呼和浩特市新城区中山路1号', '内蒙古自治区呼和浩特市新城区****'],
    ['address', '湖北省恩施土家族苗族自治州恩施市舞阳大街1号', '湖北省恩施土家族苗族自治州恩施市****'],
    ['address', '广东省广州市天河区体育西路1号', '广东省广州市天河区****'],
    ['address', '文三路100号', '****'],
    ['thirdPartyName', '李四', '李*'],
    ['thirdPartyName', '欧阳娜娜', '欧***'],
  ] as const)('partial %s: %s → %s', (field, value, masked) => {
    expect(partialMask(field, value)).toBe(masked);
  });

  it('drops empty and non-text values rather than publishing them', () => {
    const policy = MaskPolicy.parse({ phone: 'partial' });
    expect(maskValue('phone', '  ', policy)).toBeUndefined();
    expect(maskRecord({ phone: 13812345678 }, { phone: 'phone' }, policy)).toEqual({});
  });
});
