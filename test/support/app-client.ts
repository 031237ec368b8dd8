/** Talks to a running Catwalk over HTTP the way a browser (cookies) or a script (API key) would. */
export class AppClient {
  private cookies = new Map<string, string>();
  /** next-auth's `error` code from the last sign-in attempt, if it gave one */
  lastSignInError?: string;

  constructor(
    readonly baseUrl: string,
    private bearer?: string,
  ) {}

  withApiKey(key: string): AppClient {
    return new AppClient(this.baseUrl, key);
  }

  async request(path: string, init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    let body = init.body;
    if (init.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(init.json);
    }
    const response = await fetch(this.baseUrl + path, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  }

  async json<T = Record<string, unknown>>(path: string, init: Parameters<AppClient["request"]>[1] = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** next-auth's credentials flow, as its client library does it. Returns the HTTP status of the callback. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
    this.lastSignInError = undefined;
    const { body } = await this.json<{ csrfToken: string }>("/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: body.csrfToken, email, password, json: "true" });
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
    const answer = await response.text();
    this.lastSignInError = /"url":"[^"]*[?&]error=([A-Za-z]+)/.exec(answer)?.[1] ?? new URL(response.headers.get("location") ?? "http://x").searchParams.get("error") ?? undefined;
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  async signUp(email: string, password = "correct horse battery"): Promise<AppClient> {
    const response = await this.json("/api/signup", { json: { email, password } });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
    if (!(await this.signIn(email, password))) throw new Error("sign-in after sign-up failed");
    return this;
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
