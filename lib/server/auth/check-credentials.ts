import "server-only";
import { getDb } from "@/lib/server/db/client";
import { decoyPasswordHash, verifyPassword } from "./password";

/** The user for this email and password, or null. Unknown email and wrong password cost the same time. */
export async function checkCredentials(email: string, password: string): Promise<{ id: string; email: string; name: string | null } | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}
