import { placeLine } from '../../addresses';
import type { Address } from '../types';

/** Where an order ships: who, their phone, and the place as it was written (`placeLine`). */
export function AddressView({ address }: { address: Address }) {
  return (
    <address className="address" data-testid="order-address">
      <strong>{address.name}</strong> · {address.phone}
      <br />
      <span data-testid="order-address-place">{placeLine(address)}</span>
    </address>
  );
}
