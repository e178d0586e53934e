# Lookout in a container: built from source, run as an unprivileged user.
FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY config ./config
COPY docs/openapi.json ./docs/openapi.json
RUN cargo build --release --locked && cp target/release/lookout /usr/local/bin/lookout

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/lookout --create-home lookout
COPY --from=build /usr/local/bin/lookout /usr/local/bin/lookout
USER lookout
WORKDIR /var/lib/lookout
EXPOSE 8080
ENTRYPOINT ["lookout"]
CMD ["serve"]
