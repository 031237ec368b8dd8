import { describe, expect, it } from "vitest";
import { buildCommand, chooseLaunch } from "./choose-launch";
import { emptyFindings, type LaunchFinding } from "./detectors/findings";

const launch = (detector: LaunchFinding["detector"], extra: Partial<LaunchFinding> = {}): LaunchFinding => ({
  detector,
  runtime: "npm",
  package: "acme-mcp",
  runnable: true,
  evidence: { file: detector, reason: detector },
  ...extra,
});

const choose = (...launches: LaunchFinding[]) => {
  const findings = emptyFindings();
  findings.launches.push(...launches);
  return chooseLaunch(findings);
};

describe("launch rules", () => {
  it("prefers server.json over everything else", () => {
    const chosen = choose(launch("package-json"), launch("server-json", { package: "@acme/published", version: "2.0.0" }));
    expect(chosen?.launch.package).toBe("@acme/published");
    expect(chosen && buildCommand(chosen, [])).toEqual({ command: "npx", args: ["-y", "@acme/published@2.0.0"] });
  });

  it("prefers a package the README runs over an unpublished package.json", () => {
    const chosen = choose(launch("package-json", { package: "internal-name", runnable: false }), launch("readme-config", { package: "@acme/real" }));
    expect(chosen?.launch.package).toBe("@acme/real");
    expect(chosen?.warnings).toEqual([]);
  });

  it("uses a manifest confirmed by the README, with the README's fixed arguments, unpinned", () => {
    const chosen = choose(launch("package-json", { version: "9.9.9" }), launch("readme-config", { extraArgs: ["stdio"] }));
    expect(chosen?.launch.detector).toBe("package-json");
    expect(chosen && buildCommand(chosen, [])).toEqual({ command: "npx", args: ["-y", "acme-mcp", "stdio"] });
    expect(chosen?.confidence).toBeCloseTo(0.85);
  });

  it("runs a bin or console script that is not named like the package", () => {
    const npm = choose(launch("package-json", { entry: "acme-server" }));
    expect(npm && buildCommand(npm, []).args).toEqual(["-y", "--package", "acme-mcp", "acme-server"]);
    const py = choose(launch("python-project", { runtime: "python", package: "acme-mcp", entry: "acme-serve" }));
    expect(py && buildCommand(py, [])).toEqual({ command: "uvx", args: ["--from", "acme-mcp", "acme-serve"] });
  });

  it("falls back to the Dockerfile, naming the image from the README and forwarding env with -e", () => {
    const findings = emptyFindings();
    findings.launches.push(launch("dockerfile", { runtime: "oci", package: "repo-name" }));
    findings.images.push({ name: "ghcr.io/acme/tool", evidence: { file: "README.md", reason: "build" } });
    const chosen = chooseLaunch(findings);
    expect(chosen && buildCommand(chosen, ["ACME_TOKEN"])).toEqual({ command: "docker", args: ["run", "-i", "--rm", "-e", "ACME_TOKEN", "ghcr.io/acme/tool"] });
    expect(chosen?.confidence).toBe(0.5);
  });

  it("warns when the only thing found is unpublished", () => {
    const chosen = choose(launch("package-json", { runnable: false, evidence: { file: "package.json", reason: "npm package acme-mcp is marked private" } }));
    expect(chosen?.confidence).toBe(0.3);
    expect(chosen?.warnings.join(" ")).toContain("marked private");
  });
});
