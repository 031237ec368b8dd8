import "server-only";
import { getDb } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/http/api-error";
import type { z } from "zod";
import type { createUserSchema } from "@/lib/schemas/account";
import { hashPassword } from "./password";


export async function createUser(input: z.output<typeof createUserSchema>): Promise<{ id: string; email: string }> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name || null, passwordHash },
      select: { id: true, email: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError("conflict", "An account with this email already exists. Sign in instead.", { email: ["already registered"] });
    }
    throw error;
  }
}
