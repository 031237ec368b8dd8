import "server-only";

export type CodeBlock = { lang: string; text: string; line: number; headings: string[] };
export type ProseLine = { text: string; line: number; headings: string[] };

/** A README split into fenced code blocks and prose lines, each tagged with the headings above it. */
export type MarkdownDoc = { blocks: CodeBlock[]; lines: ProseLine[] };

export function parseMarkdown(text: string): MarkdownDoc {
  const blocks: CodeBlock[] = [];
  const lines: ProseLine[] = [];
  const headings: { level: number; text: string }[] = [];
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;
  rows.forEach((row, index) => {
    const line = index + 1;
    const fenceMatch = row.match(/^\s*(`{3,}|~{3,})\s*([\w+#.-]*)/);
    if (fence) {
      if (fenceMatch && fenceMatch[1].startsWith(fence.marker) && row.trim().replace(/[`~]/g, "") === "") {
        blocks.push({ lang: fence.lang, text: fence.body.join("\n"), line: fence.start, headings: headings.map((h) => h.text) });
        fence = undefined;
      } else fence.body.push(row);
      return;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], lang: fenceMatch[2].toLowerCase(), start: line, body: [] };
      return;
    }
    const heading = row.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/) ?? row.match(/^\s*<h([1-6])[^>]*>(.*?)<\/h\1>/i);
    if (heading) {
      const level = heading[1].startsWith("#") ? heading[1].length : Number(heading[1]);
      while (headings.length && headings[headings.length - 1].level >= level) headings.pop();
      headings.push({ level, text: stripInline(heading[2]) });
      return;
    }
    // <summary> inside <details> acts as a heading for what follows.
    const summary = row.match(/<summary>(.*?)<\/summary>/i);
    if (summary) lines.push({ text: stripInline(summary[1]), line, headings: headings.map((h) => h.text) });
    else lines.push({ text: row, line, headings: headings.map((h) => h.text) });
  });
  if (fence) blocks.push({ lang: fence.lang, text: fence.body.join("\n"), line: fence.start, headings: headings.map((h) => h.text) });
  return { blocks, lines };
}

export function stripInline(text: string): string {
  return text.replace(/<[^>]+>/g, "").replace(/[*_`]/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim();
}

/**
 * Sections whose env mentions are about something other than running the server: contributing, tests, releases,
 * examples of client code, related projects. Mentions there are not the server's settings.
 */
const OFF_TOPIC = /\b(contribut\w*|develop(ment|ing)?|dev setup|local dev\w*|hacking|testing|tests?|running tests|evals?|benchmark\w*|releas\w*|publish\w*|build(ing)? from source|ci|changelog|license|acknowledg\w*|credits|related|similar|other (servers|tools|projects)|see also|alternatives|example (code|usage in code)|sdk usage|programmatic|library usage|deploy(ing|ment)? (to|on) \w+|docker compose for development)\b/i;

export function isOffTopic(headings: string[]): boolean {
  return headings.some((h) => OFF_TOPIC.test(h));
}

/** Languages whose blocks are program code: env mentions there are examples, not settings to fill in. */
export function isProgramCode(lang: string): boolean {
  return /^(js|javascript|ts|typescript|tsx|jsx|py|python|go|rust|java|kotlin|csharp|cs|ruby|rb|php)$/.test(lang);
}
