import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { authenticateApiKey } from "./api-keys";

export type CurrentUser = { id: string; via: "session" | "api_key" };

/** The signed-in user behind a request: an API key in `Authorization: Bearer`, else the session cookie. */
export async function currentUser(request?: Request): Promise<CurrentUser | null> {
  const header = request?.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await authenticateApiKey(match[1]!) : null;
    // A bad key is an answer of its own: don't fall back to a cookie the caller did not mean to use.
    return user ? { id: user.id, via: "api_key" } : null;
  }
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? { id, via: "session" } : null;
}
