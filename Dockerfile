# syntax=docker/dockerfile:1
# Build stage: full dependencies, compile, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev
# The built-in embedding model is converted once here, so containers start with it ready.
ENV SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR=/app/models
RUN node dist/src/cli/cli.js knowledge prepare-model

# Runtime stage: only what runs, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SWITCHBOARD_DATA_DIR=/app/data/pglite \
    SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR=/app/models
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/models ./models
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
