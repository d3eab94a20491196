export { addressesKey, useAddresses, useCreateAddress } from './api/addresses';
export { AddressBookCard } from './components/address-book-card';
export {
  type AddressDraft,
  draftErrors,
  EMPTY_DRAFT,
  placeLine,
  type TypedAddress,
  toNewAddress,
} from './components/address-draft';
export { type AddressChoice, AddressPicker } from './components/address-picker';
export { AddressText } from './components/address-text';
export type { SavedAddress } from './types';
