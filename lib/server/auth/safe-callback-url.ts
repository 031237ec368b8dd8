import "server-only";

/** Only same-site paths: a callbackUrl must never send a signed-in user to another site. */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}
