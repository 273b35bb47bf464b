# talkgraph as a container: the CLI bundled once at build time, then run on Node 20 with
# production dependencies only. Two images:
#   docker build -t talkgraph .                          serves ./content, indexed at start-up
#   docker build --target replica -t talkgraph-replica .  serves a snapshot built from ./content
#                                                         at image build time (no indexing at start)
# Put your notes in ./content (or mount them at /app/content) before building.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY src ./src
COPY catalogue ./catalogue
# The build records V8's compiled code while it serves the example content once.
COPY content ./content
# npm ci runs `prepare`, which bundles src/ into dist/ (scripts/build.mjs).
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# No scripts: the build is already done, and the compiler is a dev dependency.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY catalogue ./catalogue
ENV PORT=4000
EXPOSE 4000
# Servers run as `npm start` runs them: `--v8-pool-size=0` gives V8 one helper thread per core but
# one, not Node's four (each helper keeps an allocator arena of its own; see the README's
# "Running in production").

FROM build AS snapshot
COPY content ./content
RUN node bin/talkgraph.js build --content content --out /app/graph.snapshot --strict

FROM runtime AS replica
COPY --from=snapshot /app/graph.snapshot ./graph.snapshot
USER 1000
CMD ["node", "--v8-pool-size=0", "bin/talkgraph.js", "serve", "--host", "0.0.0.0", "--snapshot", "/app/graph.snapshot"]

# The default image (last stage): index ./content at start-up and serve it.
FROM runtime AS server
COPY content ./content
ENV TALKGRAPH_CONTENT=/app/content
USER 1000
CMD ["node", "--v8-pool-size=0", "bin/talkgraph.js", "serve", "--host", "0.0.0.0"]
