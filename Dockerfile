# syntax=docker/dockerfile:1
# Streamnet's container image. Build it with:
#
#   docker build -t streamnet/streamnet:0.1.0 .
#
# docker-compose.yml and k8s/ use exactly this name; the deploy tests read it from the line above.

# --- build: the shaded jar, from the sources, with the project's own Maven build ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY config/ config/
COPY data/ data/
COPY src/main/ src/main/
# The local repository is a build cache, so a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true package

# --- runtime: a JRE, the jar and the sample data, run by an unprivileged user ---
FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="streamnet" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.description="Learns handwritten digits online from a Kafka topic and serves predictions."

RUN groupadd --system --gid 10001 streamnet \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin streamnet \
 && mkdir -p /app /var/lib/streamnet \
 && chown 10001:10001 /var/lib/streamnet

WORKDIR /app
COPY --from=build /src/target/streamnet.jar /app/streamnet.jar
# The sample as files too, for `produce --images ... --labels ...` (the jar also carries it).
COPY data/ /app/data/

# Kafka Streams' state (the training state store, the batch buffer, the global model store) lives here;
# a volume, so the root filesystem can stay read-only.
ENV STREAMNET_STATE_DIR=/var/lib/streamnet
VOLUME ["/var/lib/streamnet"]

USER 10001:10001
EXPOSE 8080

# The heap follows the container's memory limit; the rest of the limit is left to RocksDB, metaspace and threads.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/streamnet.jar"]
CMD ["serve"]
