import { handleMcpRequest, handleMcpPreflight } from "@/lib/server/mcp/handle-mcp-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ deploymentId: string }> };

const handle = async (request: Request, context: Context) => handleMcpRequest(request, (await context.params).deploymentId);

export { handle as POST, handle as GET, handle as DELETE };

export async function OPTIONS(request: Request) {
  return handleMcpPreflight(request);
}
