import "server-only";

/** Conventional env var names: UPPER_SNAKE, at least two characters. */
export const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * Variables every process may see that are never a server's credentials: runtime/framework switches, proxies,
 * telemetry, shell and CI variables. Filtered out of every detector except an explicit server.json.
 */
const GENERIC_EXACT = new Set([
  "NODE_ENV", "NODE_OPTIONS", "NODE_TLS_REJECT_UNAUTHORIZED", "NODE_EXTRA_CA_CERTS", "PORT", "HOST", "HOSTNAME", "DEBUG",
  "HOME", "PATH", "USER", "USERNAME_OS", "SHELL", "TERM", "TMPDIR", "TEMP", "TMP", "PWD", "LANG", "TZ", "CI", "APPDATA",
  "LOCALAPPDATA", "USERPROFILE", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "VIRTUAL_ENV", "PYTHONPATH",
  "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PYTHONIOENCODING", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "RUNNER_OS",
  "VERCEL", "VERCEL_ENV", "VERCEL_URL", "NEXT_RUNTIME", "JEST_WORKER_ID", "VITEST", "FORCE_COLOR", "NO_COLOR", "COLUMNS",
  "EDITOR", "DISPLAY", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "K_SERVICE", "AWS_LAMBDA_FUNCTION_NAME", "LOGNAME", "OS",
  "WINDIR", "PROGRAMFILES", "SYSTEMROOT", "COMSPEC", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
]);
const GENERIC_PREFIX = /^(OTEL_|NPM_CONFIG_|npm_|LC_|XDG_|UV_|PIP_|GITHUB_RUN|RUNNER_|VERCEL_|RAILWAY_|FLY_|RENDER_|SMITHERY_|DOCKER_|COMPOSE_|PYTEST_|COVERAGE_)/;

export function isGenericEnv(name: string): boolean {
  return GENERIC_EXACT.has(name) || GENERIC_PREFIX.test(name);
}

/** Variables for the project's own test suite (E2E_TEST_REPO, TEST_API_KEY): never needed to run the server. */
const TEST_ONLY = /^(E2E|TEST|TESTS|TESTING|INTEGRATION_TEST)_/;

/** Name-based secret guess, used only when no document says. */
export function looksSecret(name: string): boolean {
  return /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|COOKIE|PAT|APIKEY|PRIVATE|DSN|SIGNATURE|CONNECTION_STRING)(_|$)|API_?KEY|ACCESS_?KEY|(DATABASE|DB|POSTGRES|MYSQL|MONGO(DB)?|REDIS)_(URL|URI)$/.test(name);
}

/** Is the name plausible as a server's own setting (not generic, conventional shape)? */
export function isCandidateEnv(name: string): boolean {
  return ENV_NAME.test(name) && name.length >= 3 && (name.includes("_") || looksSecret(name)) && !isGenericEnv(name) && !TEST_ONLY.test(name);
}

/** Sample values that only a credential has: bearer headers, well-known token prefixes, "your API key" wording. */
export function valueLooksSecret(value: string): boolean {
  return (
    /\bBearer\s|\bAuthorization\b|^(sk|rk)[-_]|^(xox[abpr]|ghp|gho|github_pat|glpat|ntn|secret)[-_]/i.test(value.trim()) ||
    (isPlaceholderValue(value) && /api[-_ ]?key|access[-_ ]?token|secret|password/i.test(value))
  );
}

/** Sample values in docs that stand for "put yours here" rather than a usable default. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return (
    v === "" ||
    /^[<[{].*[>\]}]$/.test(v) ||
    /^\$\{?[A-Z_]+\}?$/.test(v) ||
    /\b(your|my|insert|replace|change|put|enter|xxx+|\*\*\*|\.\.\.)\b/i.test(v) ||
    /your[_-]|_here$|-here$|^x{3,}|^sk-\.\.\.|placeholder|example|changeme/i.test(v)
  );
}
