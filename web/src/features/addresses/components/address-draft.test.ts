import { describe, expect, it } from 'vitest';
import { draftErrors, EMPTY_DRAFT, fieldOrder, placeLine, toChanges, toNewAddress } from './address-draft';

const valid = {
  ...EMPTY_DRAFT,
  name: ' 陈杰 ',
  phone: '+86 138-0013-8000',
  province: '浙江省',
  city: '杭州市',
  line1: '文三路 90 号',
};

describe('the address draft', () => {
  it('asks phone-first, and in Chinese from the province down to the street', () => {
    expect(fieldOrder('zh-CN')).toEqual([
      'name',
      'phone',
      'province',
      'city',
      'district',
      'line1',
      'line2',
      'postalCode',
    ]);
    expect(fieldOrder('en').slice(0, 3)).toEqual(['name', 'phone', 'line1']);
  });

  it('names each missing, long or malformed field by rule, as the server does', () => {
    expect(draftErrors(valid)).toEqual([]);
    const errors = draftErrors({ ...valid, name: '  ', line1: '', city: 'x'.repeat(81) });
    expect(errors.map((e) => [e.path, e.rule])).toEqual([
      ['/name', 'required'],
      ['/city', 'maxLength'],
      ['/line1', 'required'],
    ]);
    expect(draftErrors({ ...valid, province: '' })).toEqual([]);
    for (const phone of ['12', 'call me', '138 0013 80a0', '+'])
      expect(draftErrors({ ...valid, phone }), phone).toEqual([
        expect.objectContaining({ path: '/phone', rule: 'pattern' }),
      ]);
    expect(draftErrors({ ...valid, phone: '(010) 6552 9988' })).toEqual([]);
  });

  it('sends it trimmed, optional parts absent; an edit clears them with null', () => {
    expect(toNewAddress(valid)).toEqual({
      name: '陈杰',
      phone: '+86 138-0013-8000',
      province: '浙江省',
      city: '杭州市',
      line1: '文三路 90 号',
    });
    expect(toNewAddress({ ...valid, province: ' ' })).not.toHaveProperty('province');
    expect(toNewAddress({ ...valid, district: ' 西湖区 ' }).district).toBe('西湖区');
    expect(toChanges({ ...valid, province: '' })).toMatchObject({
      province: null,
      district: null,
      line2: null,
      postalCode: null,
    });
  });
});

describe('placeLine', () => {
  const place = {
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    line1: '文三路 90 号',
    line2: '3 幢 501',
    postalCode: '310012',
  };

  it('writes a Chinese address from the province down, a municipality once', () => {
    expect(placeLine(place)).toBe('浙江省杭州市西湖区文三路 90 号 3 幢 501 310012');
    expect(
      placeLine({ province: '上海市', city: '上海市', district: '徐汇区', line1: '漕溪北路 88 号' }),
    ).toBe('上海市徐汇区漕溪北路 88 号');
  });

  it('writes any other address from the street up, and an old order without a province as it was', () => {
    expect(
      placeLine({
        line1: '90 Wensan Rd',
        district: 'Xihu',
        city: 'Hangzhou',
        province: 'Zhejiang',
        postalCode: '310012',
      }),
    ).toBe('90 Wensan Rd, Xihu, Hangzhou, Zhejiang 310012');
    expect(placeLine({ line1: '1 Nanjing Rd', city: 'Shanghai', country: 'CN' })).toBe(
      '1 Nanjing Rd, Shanghai, CN',
    );
  });
});
