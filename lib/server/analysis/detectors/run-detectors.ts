import "server-only";
import { detectDockerfile } from "./detect-dockerfile";
import { detectEnvExample } from "./detect-env-example";
import { detectPackageJson } from "./detect-package-json";
import { detectPythonProject } from "./detect-python-project";
import { detectReadmeConfig } from "./detect-readme-config";
import { detectReadmeEnv } from "./detect-readme-env";
import { detectServerJson } from "./detect-server-json";
import { detectSmithery } from "./detect-smithery";
import { detectSourceEnv } from "./detect-source-env";
import { emptyFindings, mergeInto, type FileSet, type Findings } from "./findings";

/**
 * Runs every deterministic detector. Manifests run first because the README detectors need the package names to tell
 * this server's client config apart from other tools' shown beside it.
 */
export function runDetectors(files: FileSet, context: { repoName: string; publishedPackage?: string }): Findings {
  const findings = emptyFindings();
  for (const part of [detectServerJson(files), detectSmithery(files), detectPackageJson(files), detectPythonProject(files)]) {
    mergeInto(findings, part);
  }
  const packageNames = [...new Set([...findings.launches.filter((l) => l.runnable).map((l) => l.package), ...(context.publishedPackage ? [context.publishedPackage] : [])])];
  const detection = { packageNames, repoName: context.repoName };
  mergeInto(findings, detectReadmeConfig(files, detection));
  mergeInto(findings, detectReadmeEnv(files));
  mergeInto(findings, detectEnvExample(files));
  mergeInto(findings, detectSourceEnv(files));
  mergeInto(findings, detectDockerfile(files, context));
  return findings;
}
