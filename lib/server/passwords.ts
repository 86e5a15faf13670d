import bcrypt from "bcryptjs";

// bcryptjs (pure JS); cost 10 keeps sign-in near 50-100 ms on this machine.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return hash ? bcrypt.compare(password, hash) : Promise.resolve(false);
}
