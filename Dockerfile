# Regiebord: container image. Build: docker build -t regiebord .
# Run:   docker run -p 3000:3000 -v regiebord-data:/data regiebord
# See docs/operations.md (settings, Kubernetes example). scripts/check-production-start.ts tests
# this file's CMD and HEALTHCHECK from a clean copy with production dependencies only.

# Node 20 LTS on Debian 12 (slim). Pin a digest (node:20-bookworm-slim@sha256:…) in your own registry.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile client (vite) and server (esbuild) to dist/
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- deps: production dependencies only (no TypeScript, tsx, vite, test tools)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime: plain node on the compiled server, as the unprivileged `node` user (uid 1000)
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/themes ./themes
COPY package.json ./
# The SQLite database, backups and the site's own texts live on the volume; nothing else is written.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# --max-semi-space-size=1 (MB): V8's young generation stays small, and MALLOC_ARENA_MAX=2 (ENV
# above) keeps glibc from giving each thread its own malloc arena: with 300 phones connected the
# server holds ~89 MB resident instead of ~100 MB, for a few per cent more CPU in garbage
# collection while phones connect (bench/memory.ts, docs/performance.md).
# SIGTERM: the server stores every board and closes the database (within 10 s) before it exits.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=1", "dist/server/main.js"]
