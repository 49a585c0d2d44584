import bcrypt from "bcryptjs";
import { readEnv } from "../env";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, readEnv().TANDEM_BCRYPT_ROUNDS);
}

// Compared against when the email is unknown, so that a wrong email costs the same time as a wrong password and the
// response time does not reveal which accounts exist.
let unknownUserHash: string | undefined;

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  unknownUserHash ??= bcrypt.hashSync("no account has this password", readEnv().TANDEM_BCRYPT_ROUNDS);
  return bcrypt.compare(password, hash ?? unknownUserHash);
}
