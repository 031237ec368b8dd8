import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AnalysisError } from "../analysis-error";

/** True for loopback, private, link-local, CGNAT, unspecified and unique-local addresses (v4, v6, v4-mapped v6). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateAddress(mapped[1]);
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number);
    return (
      a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224
    );
  }
  if (isIP(ip) === 6) {
    return ip === "::" || ip === "::1" || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip) || /^ff/.test(ip);
  }
  return false;
}

/**
 * Refuses URLs whose host is, or resolves to, a private address: a pasted URL must not make the server probe its own
 * network. Checked before every request, redirects included.
 */
export async function assertPublicAddress(url: URL, allowPrivateNetwork: boolean): Promise<void> {
  if (allowPrivateNetwork) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refuse = () =>
    new AnalysisError(
      "private_address",
      `Refusing to fetch ${url.host}: it points at a private or loopback address. Use a public repository URL (an administrator can allow private sources with CATWALK_ALLOW_PRIVATE_NETWORK_SOURCES=true).`,
    );
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal")) throw refuse();
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw refuse();
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    throw new AnalysisError("source_error", `Could not resolve ${host}. Check the URL and this server's network access.`, { cause: error });
  }
  if (addresses.some((a) => isPrivateAddress(a.address))) throw refuse();
}
