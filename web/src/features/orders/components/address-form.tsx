import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import type { Address } from '../types';

export const EMPTY_ADDRESS: Required<Omit<Address, 'country'>> = {
  name: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
};

export type AddressDraft = typeof EMPTY_ADDRESS;

interface AddressFormProps {
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  errorAt: (path: string) => string | undefined;
}

const fields = [
  { key: 'name', autoComplete: 'name', required: true },
  { key: 'phone', autoComplete: 'tel', required: true, type: 'tel' },
  { key: 'line1', autoComplete: 'address-line1', required: true },
  { key: 'line2', autoComplete: 'address-line2', required: false },
  { key: 'city', autoComplete: 'address-level2', required: true },
  { key: 'postalCode', autoComplete: 'postal-code', required: false },
] as const;

export function AddressForm({ value, onChange, errorAt }: AddressFormProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="address-form">
      <legend>{t('checkout.address')}</legend>
      {fields.map((field) => (
        <Field
          key={field.key}
          name={field.key}
          label={
            field.required
              ? t(`checkout.fields.${field.key}`)
              : t('checkout.optional', { label: t(`checkout.fields.${field.key}`) })
          }
          autoComplete={field.autoComplete}
          type={'type' in field ? field.type : 'text'}
          required={field.required}
          value={value[field.key]}
          onChange={(e) => onChange({ ...value, [field.key]: e.target.value })}
          error={errorAt(`/address/${field.key}`)}
        />
      ))}
    </fieldset>
  );
}

/** The API wants optional parts absent, not empty strings. */
export function toAddress(draft: AddressDraft): Address {
  const address: Address = {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    line1: draft.line1.trim(),
    city: draft.city.trim(),
  };
  if (draft.line2.trim()) address.line2 = draft.line2.trim();
  if (draft.postalCode.trim()) address.postalCode = draft.postalCode.trim();
  return address;
}
