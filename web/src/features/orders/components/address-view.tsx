import type { Address } from '../types';

export function AddressView({ address }: { address: Address }) {
  return (
    <address className="address" data-testid="order-address">
      <strong>{address.name}</strong> · {address.phone}
      <br />
      {address.line1}
      {address.line2 ? (
        <>
          <br />
          {address.line2}
        </>
      ) : null}
      <br />
      {[address.city, address.postalCode, address.country].filter(Boolean).join(' ')}
    </address>
  );
}
