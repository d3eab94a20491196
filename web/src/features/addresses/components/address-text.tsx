import { placeLine } from './address-draft';

interface AddressTextProps {
  address: {
    name: string;
    phone: string;
    province?: string | null;
    city: string;
    district?: string | null;
    line1: string;
    line2?: string | null;
    postalCode?: string | null;
    country?: string | null;
  };
}

/** Who, how to reach them, and the place on one line in the reader's order. */
export function AddressText({ address }: AddressTextProps) {
  return (
    <span className="address-text">
      <strong>{address.name}</strong> · {address.phone}
      <br />
      <span data-testid="address-place">{placeLine(address)}</span>
    </span>
  );
}
