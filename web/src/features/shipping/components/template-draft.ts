import { formatDecimal, parseDecimal } from '../../../lib/money';
import type { ShippingBasis, ShippingTemplate, TemplateInput } from '../types';

/** A fee rule as typed: units as text, fees in major units ("8" or "8.50"). */
export interface RuleDraft {
  provinces: string;
  first: string;
  firstFee: string;
  extra: string;
  extraFee: string;
}

export interface TemplateDraft {
  name: string;
  basis: ShippingBasis;
  freeOver: string;
  isDefault: boolean;
  defaultRule: RuleDraft;
  regions: RuleDraft[];
}

export const EMPTY_RULE: RuleDraft = { provinces: '', first: '1', firstFee: '', extra: '1', extraFee: '0' };

export const EMPTY_TEMPLATE: TemplateDraft = {
  name: '',
  basis: 'flat',
  freeOver: '',
  isDefault: false,
  defaultRule: EMPTY_RULE,
  regions: [],
};

const ruleDraft = (
  rule: { first: number; firstFee: number; extra: number; extraFee: number; provinces?: string[] },
  digits: number,
): RuleDraft => ({
  provinces: (rule.provinces ?? []).join(', '),
  first: String(rule.first),
  firstFee: formatDecimal(rule.firstFee, digits),
  extra: String(rule.extra),
  extraFee: formatDecimal(rule.extraFee, digits),
});

export function draftOf(template: ShippingTemplate, digits: number): TemplateDraft {
  return {
    name: template.name,
    basis: template.basis,
    freeOver: template.freeOverAmount === null ? '' : formatDecimal(template.freeOverAmount, digits),
    isDefault: template.isDefault,
    defaultRule: ruleDraft(template.defaultRule, digits),
    regions: template.regionRules.map((r) => ruleDraft(r, digits)),
  };
}

/** Provinces typed with commas, Chinese commas or new lines between them. */
export const splitProvinces = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * The request body, or the paths of the fields that are not numbers. Units that do not parse are
 * sent as typed (NaN → 0) for the server to refuse with its own field errors.
 */
export function inputOf(
  draft: TemplateDraft,
  digits: number,
): { input: TemplateInput } | { invalid: string[] } {
  const invalid: string[] = [];
  const money = (text: string, path: string) => {
    const value = parseDecimal(text.trim() === '' ? '0' : text, digits);
    if (value === null) invalid.push(path);
    return value ?? 0;
  };
  const rule = (r: RuleDraft, path: string) => ({
    first: Number(r.first),
    firstFee: money(r.firstFee, `${path}/firstFee`),
    extra: Number(r.extra),
    extraFee: money(r.extraFee, `${path}/extraFee`),
  });
  const freeOver = draft.freeOver.trim() === '' ? null : money(draft.freeOver, '/freeOverAmount');
  const input: TemplateInput = {
    name: draft.name,
    basis: draft.basis,
    freeOverAmount: freeOver,
    isDefault: draft.isDefault,
    defaultRule: rule(draft.defaultRule, '/defaultRule'),
    regionRules: draft.regions.map((r, i) => ({
      provinces: splitProvinces(r.provinces),
      ...rule(r, `/regionRules/${i}`),
    })),
  };
  return invalid.length > 0 ? { invalid } : { input };
}
