import { describe, expect, it } from 'vitest';
import { bulkBody, emptyBulkForm, progressPercent } from './bulk-form';

const ids = ['p1', 'p2'];

describe('the bulk-action form', () => {
  it('sends prices by amount in minor units, parsed as text', () => {
    expect(bulkBody({ ...emptyBulkForm, action: 'price', by: 'amount', value: '-0.29' }, ids, 2)).toEqual({
      body: { action: 'price', productIds: ids, change: { by: 'amount', value: -29 } },
    });
    expect(bulkBody({ ...emptyBulkForm, action: 'price', by: 'percent', value: '10' }, ids, 2)).toEqual({
      body: { action: 'price', productIds: ids, change: { by: 'percent', value: 10 } },
    });
  });

  it('refuses a value it cannot send, and stock without a reason', () => {
    expect(bulkBody({ ...emptyBulkForm, action: 'price', by: 'percent', value: '1.5' }, ids, 2)).toEqual({
      error: 'value',
    });
    expect(bulkBody({ ...emptyBulkForm, action: 'price', by: 'percent', value: '-101' }, ids, 2)).toEqual({
      error: 'value',
    });
    expect(bulkBody({ ...emptyBulkForm, action: 'stock', by: 'amount', value: '0' }, ids, 2)).toEqual({
      error: 'value',
    });
    expect(bulkBody({ ...emptyBulkForm, action: 'stock', by: 'amount', value: '-3' }, ids, 2)).toEqual({
      error: 'reason',
    });
    expect(
      bulkBody({ ...emptyBulkForm, action: 'stock', by: 'amount', value: '-3', reason: ' count ' }, ids, 2),
    ).toEqual({
      body: { action: 'stock', productIds: ids, change: { by: 'amount', value: -3 }, reason: 'count' },
    });
  });

  it('sets or clears a category, archives and restores', () => {
    expect(bulkBody({ ...emptyBulkForm, action: 'set_category', category: ' ' }, ids, 2)).toEqual({
      body: { action: 'set_category', productIds: ids, category: null },
    });
    expect(bulkBody({ ...emptyBulkForm, action: 'restore' }, ids, 2)).toEqual({
      body: { action: 'restore', productIds: ids },
    });
  });

  it('shows progress as a whole percentage', () => {
    expect(progressPercent(0, 1000)).toBe(0);
    expect(progressPercent(333, 1000)).toBe(33);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
  });
});
