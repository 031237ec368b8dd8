/**
 * JSON-RPC and MCP transport vocabulary the bridge needs on its hot path. Kept as plain types and tiny helpers
 * instead of the SDK's zod schemas: validating every message with zod costs more than the whole forward.
 */

export type JsonRpcId = string | number;

export type JsonRpcMessage = {
  jsonrpc: "2.0";
  id?: JsonRpcId | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
};

/** Versions whose Streamable HTTP transport this bridge speaks. 2026-07-28 (sessionless) is deliberately absent. */
export const SUPPORTED_PROTOCOL_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"] as const;
export const LATEST_PROTOCOL_VERSION = SUPPORTED_PROTOCOL_VERSIONS[0];

export function isSupportedVersion(version: string): boolean {
  return (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}

/** Error codes as the MCP SDKs use them on the wire. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InternalError: -32603,
  /** transport-level failures (bad headers, missing session) — the SDKs' generic server error */
  ServerError: -32000,
  SessionNotFound: -32001,
  RequestTimeout: -32001,
} as const;

export function errorBody(code: number, message: string, id: JsonRpcId | null = null): JsonRpcMessage {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

export function isRequest(m: JsonRpcMessage): boolean {
  return typeof m.method === "string" && m.id !== undefined && m.id !== null;
}

export function isNotification(m: JsonRpcMessage): boolean {
  return typeof m.method === "string" && (m.id === undefined || m.id === null);
}

export function isResponse(m: JsonRpcMessage): boolean {
  return m.method === undefined && m.id !== undefined && (m.result !== undefined || m.error !== undefined);
}

export function isValidMessage(value: unknown): value is JsonRpcMessage {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const m = value as JsonRpcMessage;
  if (m.jsonrpc !== "2.0") return false;
  if (m.id !== undefined && m.id !== null && typeof m.id !== "string" && typeof m.id !== "number") return false;
  if (m.params !== undefined && (typeof m.params !== "object" || m.params === null)) return false;
  return typeof m.method === "string" || isResponse(m);
}

export function progressTokenOf(m: JsonRpcMessage): JsonRpcId | undefined {
  const meta = m.params?._meta as { progressToken?: unknown } | undefined;
  const token = meta?.progressToken;
  return typeof token === "string" || typeof token === "number" ? token : undefined;
}
