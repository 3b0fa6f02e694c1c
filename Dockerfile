# The arabic-kg API. Used by docker-compose.yml next to a Neo4j 5 server.

# The /explore page's graph library, installed from npm with the committed lockfile.
FROM node:20-slim AS explore-assets
WORKDIR /explore
COPY service/explore/package.json service/explore/package-lock.json ./
RUN npm ci --omit=peer --no-audit --no-fund

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# CPU-only PyTorch first, from PyTorch's CPU index, so that nothing pulls CUDA wheels.
COPY constraints.txt ./
RUN pip install --index-url https://download.pytorch.org/whl/cpu -c constraints.txt torch

COPY pyproject.toml README.md ./
COPY loaders ./loaders
COPY nlp ./nlp
COPY graph_schema ./graph_schema
COPY service ./service
COPY --from=explore-assets /explore/node_modules/vis-network/standalone/umd/vis-network.min.js \
     ./service/explore/vendor/
COPY samples ./samples
RUN pip install -c constraints.txt . \
    && useradd --create-home --uid 10001 akg
USER akg

EXPOSE 8000
# Non-loopback binding requires AKG_API_TOKEN (the server refuses otherwise).
CMD ["akg", "serve", "--host", "0.0.0.0", "--port", "8000"]
