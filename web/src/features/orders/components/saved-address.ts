import { type AddressDraft, EMPTY_ADDRESS } from './address-form';

const KEY = 'fission.address';

/** The last address used on this browser prefills the next checkout. */
export const savedAddress = {
  load(): AddressDraft {
    try {
      return {
        ...EMPTY_ADDRESS,
        ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<AddressDraft>),
      };
    } catch {
      return EMPTY_ADDRESS;
    }
  },
  save(address: AddressDraft) {
    localStorage.setItem(KEY, JSON.stringify(address));
  },
};
