# syntax=docker/dockerfile:1
# Gallerist as one container: the standalone Next.js server (docs/deploying.md). The build runs the commands CI runs
# (`npm ci`, `npm run build`), so the image serves the build the e2e suite tested. No build arguments: the Azure
# configuration (NEXT_PUBLIC_AZURE_CLIENT_ID and friends) is read by the server at request time, so one image serves
# any tenant; pass it with `docker run -e` or the platform's environment settings.

# Node 22: the oldest line every locked dependency supports (@azure/arm-compute and cookie require >= 22).
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the only install scripts are better-sqlite3's native build and esbuild's binary check, for the
# emulator and tsx; neither is part of the build or the image, and skipping them needs no compiler here.
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `next build` (output: "standalone") then scripts/standalone.mjs, which copies .next/static and public/ next to
# server.js: .next/standalone is then the whole application.
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# server.js listens on PORT and HOSTNAME; Docker sets HOSTNAME to the container id, which would bind one interface
# only, so it is set to all of them.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
# The node image's unprivileged user (uid 1000); the server needs no root and no writable path outside /app.
USER node
EXPOSE 3000
# The slim image has no curl; Node's fetch does the probe. /healthz answers 503 when the configuration is invalid.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
