import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` is an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

/** OWASP's argon2id baseline (19 MiB, 2 passes). Tests pass a cheaper cost; the algorithm is the same. */
export const PRODUCTION_COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const TEST_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function argon2idHasher(cost = PRODUCTION_COST): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: ARGON2ID, ...cost }),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
