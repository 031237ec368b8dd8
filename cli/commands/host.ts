/** `catwalk host [options] -- <command> [args…]`: the stdio ↔ Streamable HTTP bridge (see host/README.md). */
import { runHost } from "../../host/main";

export async function run(argv: string[]): Promise<number> {
  return runHost(argv);
}
