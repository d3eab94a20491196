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
    [{ carrier: '', trackingNumber: 'SF1' }, '/carrier', 'is required'],
    [{ carrier: 'S\u0001F', trackingNumber: 'SF1' }, '/carrier', 'must not contain control characters'],
    [{ carrier: '顺'.repeat(61), trackingNumber: 'SF1' }, '/carrier', 'must be at most 60 characters'],
    [{ carrier: 'SF', trackingNumber: '  ' }, '/trackingNumber', 'is required'],
    [{ carrier: 'SF', trackingNumber: '1'.repeat(41) }, '/trackingNumber', 'must be at most 40 characters'],
    [
      { carrier: 'SF', trackingNumber: 'SF#1' },
      '/trackingNumber',
      'may hold only letters, digits and . _ / -',
    ],
    [
      { carrier: 'SF', trackingNumber: '-SF1' },
      '/trackingNumber',
      'may hold only letters, digits and . _ / -',
    ],
  ])('refuses %j at %s', (input, path, message) => {
    expect(checkShipment(input)).toEqual({ ok: false, errors: [{ path, message }] });
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
    if (!missing.ok) expect(missing.errors[0]?.message).toContain('missing: trackingNumber');
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
      reason: 'malformed_row',
    });
    expect(readRow({ line: 5, fields: ['', 'SF', 'SF1'] }, at)).toMatchObject({
      kind: 'refuse',
      reason: 'invalid_row',
    });
    expect(readRow({ line: 6, fields: ['o1', '', 'SF1'] }, at)).toMatchObject({
      line: 6,
      reason: 'invalid_row',
      message: 'carrier is required',
    });
    expect(
      readRow({ line: 7, fields: ['o1', 'SF', 'SF1'], error: 'has text after a closing quote' }, at),
    ).toMatchObject({
      reason: 'malformed_row',
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
