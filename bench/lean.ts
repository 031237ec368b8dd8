/**
 * `npx tsx bench/lean.ts`: the bridge's own cost, without the SDK client's. A keep-alive `http.request` client
 * calls echo through the bridge, and the same client calls a trivial in-memory HTTP server (the floor any HTTP
 * bridge pays on this box).
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { everythingArgv, startBridge } from "../host/testing/harness";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

function post(port: number, body: string, headers: Record<string, string> = {}): Promise<{ headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/mcp", method: "POST", agent, headers: { ...HEADERS, ...headers } }, (res) => {
      let data = "";
      res.setEncoding("utf8").on("data", (c: string) => (data += c)).on("end", () => resolve({ headers: res.headers, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const call = (id: number): string => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { message: "hi" } } });

async function measure(label: string, once: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 500; i++) await once(i);
  const lat: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t = performance.now();
    await once(i);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  let n = 0;
  const end = performance.now() + 2000;
  await Promise.all(Array.from({ length: 16 }, async (_, k) => { while (performance.now() < end) { await once(k); n++; } }));
  console.log(`${label.padEnd(28)} p50 ${lat[1500].toFixed(3)} ms  p99 ${lat[2970].toFixed(3)} ms  16 concurrent: ${(n / 2).toFixed(0)} calls/s`);
}

async function main(): Promise<void> {
  const floor = spawn(process.execPath, ["-e", `require("http").createServer((q,s)=>{let d="";q.on("data",c=>d+=c);q.on("end",()=>{const m=JSON.parse(d);const b=JSON.stringify({jsonrpc:"2.0",id:m.id,result:{content:[{type:"text",text:"Echo: hi"}]}});s.writeHead(200,{"content-type":"application/json"});s.end(b)})}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`], { stdio: ["ignore", "pipe", "inherit"] });
  const floorPort = await new Promise<number>((r) => floor.stdout.once("data", (d) => r(Number(String(d)))));
  await measure("trivial HTTP server (floor)", (i) => post(floorPort, call(i)));
  floor.kill();

  const bridge = await startBridge({ server: everythingArgv() });
  const init = await post(bridge.port, JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "lean", version: "1" } } }));
  const session = { "mcp-session-id": String(init.headers["mcp-session-id"]), "mcp-protocol-version": "2025-11-25" };
  await measure("catwalk host", (i) => post(bridge.port, call(i), session));
  await bridge.stop();
}

main().then(() => process.exit(0), (e: unknown) => (console.error(e), process.exit(1)));
