import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import { type AddressDraft, type DraftField, fieldOrder, OPTIONAL_FIELDS } from './address-draft';

const INPUT: Record<DraftField, { autoComplete: string; type?: string; inputMode?: 'tel' | 'numeric' }> = {
  name: { autoComplete: 'name' },
  phone: { autoComplete: 'tel', type: 'tel', inputMode: 'tel' },
  province: { autoComplete: 'address-level1' },
  city: { autoComplete: 'address-level2' },
  district: { autoComplete: 'address-level3' },
  line1: { autoComplete: 'address-line1' },
  line2: { autoComplete: 'address-line2' },
  postalCode: { autoComplete: 'postal-code', inputMode: 'numeric' },
};

interface AddressFieldsProps {
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  /** The error of a field by its JSON pointer (`${prefix}/phone`). */
  errorAt: (path: string) => string | undefined;
  prefix?: string;
}

/** The fields of an address in the order the reader's language writes one. */
export function AddressFields({ value, onChange, errorAt, prefix = '' }: AddressFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="address-fields">
      {fieldOrder(i18n.language).map((key) => {
        const label = t(`addresses.fields.${key}`);
        const optional = OPTIONAL_FIELDS.includes(key);
        return (
          <Field
            key={key}
            name={key}
            label={optional ? t('addresses.optional', { label }) : label}
            autoComplete={INPUT[key].autoComplete}
            type={INPUT[key].type ?? 'text'}
            inputMode={INPUT[key].inputMode}
            required={!optional}
            value={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            error={errorAt(`${prefix}/${key}`)}
            data-testid={`address-${key}`}
          />
        );
      })}
    </div>
  );
}
