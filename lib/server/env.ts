import "server-only";
import { parseEnv, type Env } from "@/lib/config/env-schema";

/** The validated configuration. Nothing else in feature code reads process.env. */
export const env: Env = parseEnv(process.env);
