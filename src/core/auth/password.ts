import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): ~30 ms here, slow enough for attackers, fast enough for seeding.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a password against a throwaway hash made with the same parameters as real ones, and answers false: a login
 * for a username that does not exist then costs what a wrong password costs, so timing does not tell which exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await prepareDummyHash(), password);
  return false;
}

/** Makes the throwaway hash now (at start), so that the first unknown username is not the one slower answer. */
export function prepareDummyHash(): Promise<string> {
  // A failed attempt is not kept: the next call tries again.
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url')).catch((err: unknown) => {
    dummyHash = null;
    throw err;
  });
  return dummyHash;
}
