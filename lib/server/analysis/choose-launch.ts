import "server-only";
import type { ServerSpec } from "@/lib/spec/server-spec";
import type { DetectorName, Evidence, Findings, LaunchFinding } from "./detectors/findings";

/**
 * Launch rules (tested in choose-launch.test.ts): the most trustworthy *runnable* statement wins —
 * server.json 0.95 > the package the source downloaded 0.9 > a published package.json with a bin 0.8 >
 * a package the README's client config runs 0.75 > pyproject console script 0.7 > a Dockerfile 0.5.
 * Unpublished manifests (private, no bin/script) are used only when nothing else exists (0.3, with a warning).
 * A README client config that runs the same package confirms it (+0.05) and contributes its fixed arguments.
 */
const BASE: Partial<Record<DetectorName, number>> = {
  "server-json": 0.95,
  published: 0.9,
  "package-json": 0.8,
  "readme-config": 0.75,
  "python-project": 0.7,
  dockerfile: 0.5,
};

export type ChosenLaunch = {
  launch: LaunchFinding;
  confidence: number;
  extraArgs: string[];
  transport: ServerSpec["transport"];
  evidence: Evidence[];
  warnings: string[];
};

const same = (a: string, b: string) => a.toLowerCase().replace(/[-_.]+/g, "-") === b.toLowerCase().replace(/[-_.]+/g, "-");

export function chooseLaunch(findings: Findings): ChosenLaunch | undefined {
  const warnings: string[] = [];
  const score = (l: LaunchFinding) => (l.runnable ? (BASE[l.detector] ?? 0.4) : 0.3);
  const readme = findings.launches.filter((l) => l.detector === "readme-config");
  const confirmedBy = (l: LaunchFinding) =>
    l.detector === "readme-config" ? undefined : readme.find((r) => r.runtime === l.runtime && same(r.package, l.package));
  const ranked = [...findings.launches].sort((a, b) => {
    // +0.1 for ranking only, so a confirmed manifest (which knows bin/script names) beats the README line itself.
    const diff = score(b) + (confirmedBy(b) ? 0.1 : 0) - (score(a) + (confirmedBy(a) ? 0.1 : 0));
    return diff !== 0 ? diff : findings.launches.indexOf(a) - findings.launches.indexOf(b);
  });
  let launch = ranked[0];
  if (!launch) return undefined;

  if (launch.runtime === "oci" && launch.detector === "dockerfile") {
    const image = findings.images[0];
    if (image) launch = { ...launch, package: image.name, evidence: launch.evidence };
    else warnings.push(`No published image is named in the README; build one from the Dockerfile and tag it "${launch.package}".`);
  }
  // A repository's manifest version may be ahead of what is published: run the latest release instead of pinning it.
  if (launch.detector === "package-json" || launch.detector === "python-project") launch = { ...launch, version: undefined };
  if (!launch.runnable) warnings.push(`${launch.evidence.reason}; publish it first or point Catwalk at a published package.`);

  const confirming = confirmedBy(launch);
  const extraArgs = launch.extraArgs?.length ? launch.extraArgs : confirming?.extraArgs ?? [];
  // A README line that switches modes (`--transport http`) shows an option, not the default: only manifests count.
  const transport = launch.transport ?? confirming?.transport ?? findings.launches.find((l) => l.transport && l.detector !== "readme-config")?.transport ?? "stdio";
  const evidence = [launch.evidence, ...(confirming ? [confirming.evidence] : [])];
  const confidence = Math.min(0.99, score(launch) + (confirming ? 0.05 : 0));
  return { launch: { ...launch, entry: launch.entry ?? confirming?.entry }, confidence, extraArgs, transport, evidence, warnings };
}

/** The argv Catwalk runs: launcher prefix from the runtime, then the package's own fixed arguments. */
export function buildCommand(chosen: ChosenLaunch, envNames: string[]): Pick<ServerSpec, "command" | "args"> {
  const { launch } = chosen;
  const pkg = launch.version ? `${launch.package}${launch.runtime === "python" ? "==" : "@"}${launch.version}` : launch.package;
  if (launch.runtime === "npm") {
    return { command: "npx", args: [...(launch.entry ? ["-y", "--package", pkg, launch.entry] : ["-y", pkg]), ...chosen.extraArgs] };
  }
  if (launch.runtime === "python") {
    return { command: "uvx", args: [...(launch.entry ? ["--from", pkg, launch.entry] : [pkg]), ...chosen.extraArgs] };
  }
  const image = launch.version ? `${launch.package}:${launch.version}` : launch.package;
  // Docker passes only the variables named with -e into the container.
  return { command: "docker", args: ["run", "-i", "--rm", ...envNames.flatMap((n) => ["-e", n]), image, ...chosen.extraArgs] };
}
