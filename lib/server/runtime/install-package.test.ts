import { describe, expect, it } from "vitest";
import { summarize } from "./install-package";

describe("npm's install errors", () => {
  it("lead with a plain sentence and drop npm's repetition", () => {
    const output = [
      "npm error code E404",
      "npm error 404 Not Found - GET https://registry.npmjs.org/no-such-pkg - Not found",
      "npm error 404",
      "npm error 404  'no-such-pkg@latest' is not in this registry.",
      "npm error 404",
      "npm error 404 Note that you can also install from a",
      "npm error 404 tarball, folder, http url, or git url.",
      "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log",
    ].join("\n");
    expect(summarize(output, "no-such-pkg@latest")).toBe(
      [
        "npm has no package no-such-pkg@latest (the registry answered 404): check the name and version.",
        "Not Found - GET https://registry.npmjs.org/no-such-pkg - Not found",
        "'no-such-pkg@latest' is not in this registry.",
      ].join("\n"),
    );
  });
});
