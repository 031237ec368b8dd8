import "server-only";

/**
 * Parses the JSON people paste into READMEs: `//` and `#` comments, trailing commas, a bare `"key": {…}` fragment
 * without the outer braces, `...` elisions. Returns undefined when it still is not JSON.
 */
export function parseLenientJson(text: string): unknown {
  const cleaned = stripComments(text)
    .replace(/^\s*\.\.\.\s*,?\s*$/gm, "")
    .replace(/,(\s*[}\]])/g, "$1")
    .trim();
  for (const candidate of [cleaned, `{${cleaned}}`, `{${cleaned.replace(/,\s*$/, "")}}`]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function stripComments(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if ((c === "/" && text[i + 1] === "/") || c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out;
}
