import type { FieldError } from '../../../lib/api-error';
import type { NewAddress, SavedAddress } from '../types';

/** What the form holds: every field as typed. */
export interface AddressDraft {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  line1: string;
  line2: string;
  postalCode: string;
}

export type DraftField = keyof AddressDraft;

export const EMPTY_DRAFT: AddressDraft = {
  name: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  line1: '',
  line2: '',
  postalCode: '',
};

/**
 * The order the form asks in: who and how to reach them first (a courier phones), then the place as
 * that language writes it. Chinese goes from the largest region down — province, city, district,
 * then the street; English from the street up.
 */
export function fieldOrder(language: string): DraftField[] {
  return language.startsWith('zh')
    ? ['name', 'phone', 'province', 'city', 'district', 'line1', 'line2', 'postalCode']
    : ['name', 'phone', 'line1', 'line2', 'district', 'city', 'province', 'postalCode'];
}

/** As the server: the fields an order's address needs are required, the rest (not every country has provinces) optional. */
export const OPTIONAL_FIELDS: readonly DraftField[] = ['province', 'district', 'line2', 'postalCode'];

/** The server's phone pattern (addresses/schemas.ts PHONE_PATTERN): 5 to 20 digits, + ( ) - and spaces. */
const PHONE = /^\+?(?:[()\-\s]*[0-9]){5,20}[()\-\s]*$/u;

const MAX: Record<DraftField, number> = {
  name: 80,
  phone: 40,
  province: 80,
  city: 80,
  district: 80,
  line1: 200,
  line2: 200,
  postalCode: 20,
};

/**
 * The checks the server makes, made before sending, as field errors worded like the server's (by
 * field and rule, in the reader's language). `prefix` is where the fields sit in the request.
 */
export function draftErrors(draft: AddressDraft, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(MAX) as DraftField[]) {
    const value = draft[key].trim();
    const path = `${prefix}/${key}`;
    if (value === '') {
      if (!OPTIONAL_FIELDS.includes(key)) errors.push({ path, message: 'is required', rule: 'required' });
    } else if (value.length > MAX[key]) {
      errors.push({ path, message: 'is too long', rule: 'maxLength', params: { limit: MAX[key] } });
    } else if (key === 'phone' && !PHONE.test(value)) {
      errors.push({ path, message: 'is not valid', rule: 'pattern' });
    }
  }
  return errors;
}

/** The draft as the API takes it: trimmed, optional parts absent when empty. */
/** What was typed, blanks left out: a new saved address, or the address of one order. */
export type TypedAddress = Pick<AddressDraft, 'name' | 'phone' | 'city' | 'line1'> &
  Partial<Omit<AddressDraft, 'name' | 'phone' | 'city' | 'line1'>>;

export function toNewAddress(draft: AddressDraft): TypedAddress & NewAddress {
  const address: TypedAddress = {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    city: draft.city.trim(),
    line1: draft.line1.trim(),
  };
  for (const key of OPTIONAL_FIELDS) if (draft[key].trim()) address[key] = draft[key].trim();
  return address;
}

/** An edit sends every field; a cleared optional one as null, so the server clears it too. */
export function toChanges(draft: AddressDraft) {
  const base = toNewAddress(draft);
  return {
    ...base,
    province: base.province ?? null,
    district: base.district ?? null,
    line2: base.line2 ?? null,
    postalCode: base.postalCode ?? null,
  };
}

export const draftOf = (saved: SavedAddress): AddressDraft => ({
  name: saved.name,
  phone: saved.phone,
  province: saved.province ?? '',
  city: saved.city,
  district: saved.district ?? '',
  line1: saved.line1,
  line2: saved.line2 ?? '',
  postalCode: saved.postalCode ?? '',
});

/** Where an address is, without who. */
export interface Place {
  province?: string | null;
  city: string;
  district?: string | null;
  line1: string;
  line2?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/** Han characters, the mark of an address written the Chinese way. */
const HAN = /\p{Script=Han}/u;

/**
 * An address as one line, in the way it was written, whoever reads it: a Chinese address from the
 * largest region down ("浙江省杭州市西湖区文三路 90 号"), any other from the street up
 * ("90 Wensan Rd, Xihu, Hangzhou, Zhejiang 310012"). A municipality, its own province and city
 * (上海市上海市), is said once.
 */
export function placeLine(place: Place): string {
  const regions = (order: (string | null | undefined)[]) =>
    order.filter((part): part is string => Boolean(part)).filter((part, i, all) => all.indexOf(part) === i);
  const chinese = [place.province, place.city, place.district, place.line1].some((p) => p && HAN.test(p));
  if (chinese) {
    const region = regions([place.province, place.city, place.district]).join('');
    return [`${region}${place.line1}`, place.line2, place.postalCode].filter(Boolean).join(' ');
  }
  const street = [place.line1, place.line2].filter(Boolean).join(', ');
  const region = regions([place.district, place.city, place.province]).join(', ');
  return [street, [region, place.postalCode].filter(Boolean).join(' '), place.country]
    .filter(Boolean)
    .join(', ');
}
