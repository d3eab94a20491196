import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Opaque, time-ordered ids: sorting by id sorts by creation, which keyset pagination relies on. */
export const newId = (): string => uuidv7();

// No 0/O/1/I/L: codes are read aloud and typed from posters.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random human-typeable code (invite codes, pickup codes). Rejection sampling keeps it unbiased. */
export function randomCode(length: number, alphabet = CODE_ALPHABET): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A secret token for sessions and share links: 32 random bytes, base64url. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
