import { describe, expect, it } from 'vitest';
import { draftOf, EMPTY_TEMPLATE, inputOf, splitProvinces } from './template-draft';

describe('template drafts', () => {
  it('reads fees in major units into minor units, an empty free-over as never free', () => {
    const draft = {
      ...EMPTY_TEMPLATE,
      name: 'Standard',
      defaultRule: { provinces: '', first: '1', firstFee: '8', extra: '1', extraFee: '0' },
      regions: [
        { provinces: '新疆，西藏、Qinghai', first: '1', firstFee: '20.50', extra: '1', extraFee: '' },
      ],
    };
    expect(inputOf(draft, 2)).toEqual({
      input: {
        name: 'Standard',
        basis: 'flat',
        freeOverAmount: null,
        isDefault: false,
        defaultRule: { first: 1, firstFee: 800, extra: 1, extraFee: 0 },
        regionRules: [
          { provinces: ['新疆', '西藏', 'Qinghai'], first: 1, firstFee: 2050, extra: 1, extraFee: 0 },
        ],
      },
    });
    expect(inputOf({ ...draft, freeOver: '99' }, 2)).toMatchObject({ input: { freeOverAmount: 9900 } });
  });

  it('names the fee fields that are not amounts', () => {
    const draft = {
      ...EMPTY_TEMPLATE,
      freeOver: 'lots',
      defaultRule: { ...EMPTY_TEMPLATE.defaultRule, firstFee: 'x' },
    };
    expect(inputOf(draft, 2)).toEqual({ invalid: ['/freeOverAmount', '/defaultRule/firstFee'] });
  });

  it('edits a saved template as it was typed', () => {
    const saved = {
      id: 't',
      name: 'By weight',
      basis: 'weight' as const,
      freeOverAmount: 19_900,
      defaultRule: { first: 1000, firstFee: 1000, extra: 500, extraFee: 300 },
      regionRules: [{ provinces: ['海南'], first: 1000, firstFee: 1500, extra: 500, extraFee: 500 }],
      isDefault: true,
      productCount: 2,
      createdAt: '',
      updatedAt: '',
    };
    const draft = draftOf(saved, 2);
    expect(draft).toMatchObject({ freeOver: '199.00', regions: [{ provinces: '海南', firstFee: '15.00' }] });
    const { id: _, productCount: __, createdAt: ___, updatedAt: ____, ...input } = saved;
    expect(inputOf(draft, 2)).toEqual({ input });
    expect(splitProvinces(' a ,\nb,, ')).toEqual(['a', 'b']);
  });
});
