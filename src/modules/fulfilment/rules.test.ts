import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { checkShipment, IMPORT_COLUMNS, isBlank, readHeader, readRow } from './rules.js';

describe('checkShipment', () => {
  it('tidies spaces: collapsed in the carrier, dropped from the tracking number', () => {
    expect(checkShipment({ carrier: '  SF   Express ', trackingNumber: ' SF 1234\t5678 ' })).toEqual({
      ok: true,
      value: { carrier: 'SF Express', trackingNumber: 'SF12345678' },
    });
  });

  it.each([
    [{ carrier: '', trackingNumber: 'SF1' }, '/carrier', 'required', undefined],
    [{ carrier: 'S\u0001F', trackingNumber: 'SF1' }, '/carrier', 'controlCharacters', undefined],
    [{ carrier: '顺'.repeat(61), trackingNumber: 'SF1' }, '/carrier', 'maxLength', { limit: 60 }],
    [{ carrier: 'SF', trackingNumber: '  ' }, '/trackingNumber', 'required', undefined],
    [{ carrier: 'SF', trackingNumber: '1'.repeat(41) }, '/trackingNumber', 'maxLength', { limit: 40 }],
    [{ carrier: 'SF', trackingNumber: 'SF#1' }, '/trackingNumber', 'pattern', undefined],
    [{ carrier: 'SF', trackingNumber: '-SF1' }, '/trackingNumber', 'pattern', undefined],
  ])('refuses %j at %s by the rule %s, for the web to word', (input, path, rule, params) => {
    const checked = checkShipment(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors).toHaveLength(1);
      expect(checked.errors[0]).toMatchObject({ path, rule });
      expect(checked.errors[0]?.params).toEqual(params);
    }
  });

  it('takes 60 Chinese characters as 60, not as their UTF-16 length', () => {
    expect(checkShipment({ carrier: '𠀀'.repeat(60), trackingNumber: 'A1' }).ok).toBe(true);
  });
});

describe('the CSV header and rows', () => {
  it('finds the columns in any order and spelling, ignoring others', () => {
    expect(readHeader(['Buyer', 'Tracking Number', 'order_id', 'CARRIER'])).toEqual({
      ok: true,
      value: { orderId: 2, carrier: 3, trackingNumber: 1 },
    });
    const missing = readHeader(['orderId', 'carrier']);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.missing).toEqual(['trackingNumber']);
      expect(missing.errors[0]).toMatchObject({ rule: 'csvColumns', params: { missing: 'trackingNumber' } });
    }
    expect(IMPORT_COLUMNS).toEqual(['orderId', 'carrier', 'trackingNumber']);
  });

  const at = { orderId: 0, carrier: 1, trackingNumber: 2 };

  it('turns a good row into a shipment and a bad one into a refusal with its line', () => {
    expect(readRow({ line: 3, fields: [' o1 ', 'SF', 'SF 1'] }, at)).toEqual({
      line: 3,
      kind: 'ship',
      orderId: 'o1',
      shipment: { carrier: 'SF', trackingNumber: 'SF1' },
    });
    expect(readRow({ line: 4, fields: ['o1', 'SF'] }, at)).toMatchObject({
      kind: 'refuse',
      reason: 'shipment_row_malformed',
    });
    expect(readRow({ line: 5, fields: ['', 'SF', 'SF1'] }, at)).toMatchObject({
      kind: 'refuse',
      reason: 'shipment_row_invalid',
    });
    expect(readRow({ line: 6, fields: ['o1', '', 'SF1'] }, at)).toMatchObject({
      line: 6,
      reason: 'shipment_row_invalid',
      message: 'carrier is required',
      errors: [{ path: '/carrier', message: 'is required', rule: 'required' }],
    });
    expect(
      readRow({ line: 7, fields: ['o1', 'SF', 'SF1'], error: 'has text after a closing quote' }, at),
    ).toMatchObject({
      reason: 'shipment_row_malformed',
    });
  });

  it('skips blank lines and separator-only lines', () => {
    expect(isBlank({ line: 1, fields: [''] })).toBe(true);
    expect(isBlank({ line: 1, fields: ['', ' ', ''] })).toBe(true);
    expect(isBlank({ line: 1, fields: ['', 'x'] })).toBe(false);
  });
});

describe('AUTO_CONFIRM_DAYS', () => {
  it('defaults to 10 and takes whole days from 1 to 60, naming the variable otherwise', () => {
    expect(loadConfig({}).autoConfirmDays).toBe(10);
    expect(loadConfig({ AUTO_CONFIRM_DAYS: '1' }).autoConfirmDays).toBe(1);
    expect(loadConfig({ AUTO_CONFIRM_DAYS: '60' }).autoConfirmDays).toBe(60);
    for (const bad of ['0', '61', '2.5', 'ten'])
      expect(() => loadConfig({ AUTO_CONFIRM_DAYS: bad })).toThrow(/AUTO_CONFIRM_DAYS/);
  });
});
