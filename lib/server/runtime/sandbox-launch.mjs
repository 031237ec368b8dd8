#!/usr/bin/env node
// Runs one MCP server inside bubblewrap and, when asked, gives its network namespace user-mode outbound networking.
//
// Why a launcher at all: bwrap creates the network namespace, and pasta/slirp4netns can only attach to it once it
// exists (by the sandboxed process's pid). bwrap reports that pid on --info-fd and waits on --block-fd, so this
// small program sits between the bridge and bwrap: start bwrap, attach the network helper, wait until the namespace
// has its default route, then let the server start. Plain JavaScript so it runs with `node` alone (no build step).
//
// Usage: node sandbox-launch.mjs --net pasta|slirp4netns|none [--keep-env NAME]... -- <bwrap> <bwrap args...>
// stdin/stdout/stderr are handed to bwrap untouched (they carry the MCP stdio stream).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const argv = process.argv.slice(2);
const split = argv.indexOf("--");
if (split < 0) fail("usage: sandbox-launch --net MODE [--keep-env NAME]... -- bwrap ARGS...");
let net = "none";
const keep = [];
for (let i = 0; i < split; i++) {
  if (argv[i] === "--net") net = argv[++i];
  else if (argv[i] === "--keep-env") keep.push(argv[++i]);
  else fail(`unknown option ${argv[i]}`);
}
const [bwrap, ...bwrapArgs] = argv.slice(split + 1);

function fail(message) {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(126);
}

// Secrets travel in the environment (only readable by this uid), never as `--setenv NAME VALUE` in argv, which any
// local user could read in /proc/*/cmdline. Only the names we were told to keep get through.
const env = {};
for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];

const children = [];
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    setTimeout(() => process.exit(143), 2000).unref();
  });
}

if (net === "none") {
  const child = spawn(bwrap, bwrapArgs, { env, stdio: "inherit" });
  children.push(child);
  child.on("error", (error) => fail(`cannot start bwrap: ${error.message}`));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
} else {
  startWithNetwork();
}

function startWithNetwork() {
  const child = spawn(bwrap, ["--info-fd", "3", "--block-fd", "4", ...bwrapArgs], { env, stdio: ["inherit", "inherit", "inherit", "pipe", "pipe"] });
  children.push(child);
  child.on("error", (error) => fail(`cannot start bwrap: ${error.message}`));
  child.on("exit", (code, signal) => {
    for (const other of children) if (other !== child) other.kill("SIGTERM");
    process.exit(code ?? (signal ? 128 : 1));
  });
  let info = "";
  const infoPipe = child.stdio[3];
  const blockPipe = child.stdio[4];
  // bwrap closes its ends when it is done with them; a reset there is expected, not a failure.
  infoPipe.on("error", () => {});
  blockPipe.on("error", () => {});
  infoPipe.on("data", (chunk) => {
    info += chunk.toString("utf8");
    let pid;
    try {
      pid = JSON.parse(info)["child-pid"];
    } catch {
      return; // not complete yet
    }
    infoPipe.removeAllListeners("data");
    attachNetwork(pid)
      .then(() => blockPipe.end("go"))
      .catch((error) => {
        child.kill("SIGKILL");
        fail(error.message);
      });
  });
}

function helperArgs(pid) {
  if (net === "pasta") {
    // -t/-u none: nothing from the host is forwarded in. -T/-U none: the namespace's own loopback is NOT forwarded to
    // the host's (the default "auto" would expose every host loopback port, PostgreSQL included). --no-map-gw: the
    // gateway address does not lead to the host's loopback either. What remains is ordinary outbound traffic.
    const args = ["-f", "-q", "--config-net", "-t", "none", "-u", "none", "-T", "none", "-U", "none", "--no-map-gw"];
    // As root, pasta drops to `nobody`, which may not enter a namespace owned by root: keep root's uid for it.
    if (process.getuid?.() === 0) args.push("--runas", "0");
    return ["pasta", [...args, String(pid)]];
  }
  if (net === "slirp4netns") return ["slirp4netns", ["--configure", "--mtu=65520", "--disable-host-loopback", String(pid), "tap0"]];
  throw new Error(`unknown network mode ${net}`);
}

function hasDefaultRoute(pid) {
  try {
    return readFileSync(`/proc/${pid}/net/route`, "utf8")
      .split("\n")
      .slice(1)
      .some((line) => line.split("\t")[1] === "00000000");
  } catch {
    return false;
  }
}

/** bwrap brings up the namespace's loopback itself; pasta configuring the namespace at the same moment makes that fail. */
function loopbackReady(pid) {
  try {
    return readFileSync(`/proc/${pid}/net/fib_trie`, "utf8").includes("127.0.0.1");
  } catch {
    return false;
  }
}

async function attachNetwork(pid) {
  const waitUntil = Date.now() + 2000;
  while (!loopbackReady(pid) && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 5));
  const [command, args] = helperArgs(pid);
  const helper = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  children.push(helper);
  let errors = "";
  helper.stderr.on("data", (chunk) => {
    // pasta complains about a missing syslog on every line; those are noise, not problems.
    errors += chunk.toString("utf8").split("\n").filter((l) => l && !/syslog/.test(l)).join("\n");
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    helper.on("error", (error) => reject(new Error(`cannot start ${command}: ${error.message}`)));
    helper.on("exit", (code) => reject(new Error(`${command} exited (${code}): ${errors.trim().slice(-300)}`)));
    const poll = () => {
      if (hasDefaultRoute(pid)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${command} did not configure the network in 10 s`));
      setTimeout(poll, 20);
    };
    poll();
  });
}
