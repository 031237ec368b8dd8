# The web app image: Next's standalone server plus the bundled CLI (dist/catwalk.mjs, for `db migrate` and
# `users create`) and the bridge (dist/host.mjs, for the local runner). Fly runs it with fly.toml.
#
#   docker build -t catwalk .
#   docker run --rm -p 3000:3000 -v catwalk-data:/data catwalk            # embedded database in /data
#   docker run --rm catwalk node dist/catwalk.mjs db migrate              # with -e DATABASE_URL=postgres://…
#
# The runtime stage lays the standalone output out as the app root (/app/server.js), because the server chdirs into
# its own folder and reads dist/host.mjs, prisma/migrations and lib/server/runtime/sandbox-launch.mjs relative to
# it; the CLI reads prisma/migrations relative to the same WORKDIR. test/integration/docker-layout.test.ts rebuilds
# this layout from the COPY lines below and starts it.

ARG NODE_VERSION=20.20

# All dependencies, for building. Install scripts are skipped: none is needed to build (esbuild and sharp load
# their platform packages, the Prisma client is generated below), and skipping them keeps the build offline-safe.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# Production dependencies only: what dist/catwalk.mjs imports at run time (it is bundled with packages external:
# pg, zod, @prisma/*, openai, …), and a superset of what Next traced into .next/standalone/node_modules.
FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
ENV npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# public/ holds no tracked files, so a clean clone has none; the runtime stage copies it either way.
RUN node scripts/prisma-generate.mjs \
 && npm run build \
 && mkdir -p public \
 && rm -rf .next/standalone/node_modules

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini as PID 1 under `docker run` reaps the servers the local runner spawns (Fly's own init does this on Fly).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 catwalk \
 && mkdir -p /data \
 && chown catwalk:catwalk /data
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/lib/server/runtime/sandbox-launch.mjs ./lib/server/runtime/sandbox-launch.mjs
COPY --from=build /app/scripts/mcp-fast-path-hook.mjs ./scripts/mcp-fast-path-hook.mjs
USER catwalk
# HOSTNAME: Next's standalone server binds to it, and container runtimes set it to the machine's name.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    HOME=/home/catwalk \
    CATWALK_HOST=0.0.0.0 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    CATWALK_DATA_DIR=/data
EXPOSE 3000
ENTRYPOINT ["/usr/bin/tini", "--"]
# Exec form, no shell script: a CRLF-saved shell entrypoint once kept the container from starting. The hook lets MCP
# calls skip Next's router (see scripts/mcp-fast-path-hook.mjs).
CMD ["node", "--import", "./scripts/mcp-fast-path-hook.mjs", "server.js"]
