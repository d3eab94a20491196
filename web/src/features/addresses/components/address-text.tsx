import { type Place, placeLine } from './address-draft';

interface AddressTextProps {
  address: Place & { name: string; phone: string };
}

/** Who, how to reach them, and the place on one line, as it was written (`placeLine`). */
export function AddressText({ address }: AddressTextProps) {
  return (
    <span className="address-text">
      <strong>{address.name}</strong> · {address.phone}
      <br />
      <span data-testid="address-place">{placeLine(address)}</span>
    </span>
  );
}
