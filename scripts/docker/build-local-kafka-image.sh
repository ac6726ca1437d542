#!/usr/bin/env bash
# Builds a local Kafka image (default tag kafka-log-lab/kafka:<kafka-version>) for machines
# that cannot pull apache/kafka: a root file system with this machine's Java 17 runtime
# (trimmed with jlink when the JDK's jmods are there, else copied), the shared libraries it
# needs (found with ldd), Apache Kafka's jars (Maven Central, via the CLI) and kafka-run.sh,
# which honours apache/kafka's KAFKA_* environment contract. `docker import` turns it into an
# image; nothing is pulled from a registry.
#
# Usage: build-local-kafka-image.sh [--kafka-version V] [--tag T] [--force]
# Idempotent: exits at once when the tag exists with the same Kafka version and recipe.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/docker

version="" tag="" force=0
while (($#)); do
  case $1 in
    --kafka-version) version=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build-local-kafka-image: unknown option $1" >&2; exit 2 ;;
  esac
done
log() { echo "[kafka-image] $*" >&2; }

[ -f dist/cli.js ] || { log "dist/cli.js is missing: run node scripts/build.mjs first"; exit 1; }
if [ -z "$version" ]; then
  version=$(env -u KAFKA_HOME node dist/cli.js broker fetch --json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).version)')
fi
tag=${tag:-kafka-log-lab/kafka:$version}
docker version >/dev/null || { log "cannot reach the Docker daemon"; exit 1; }

recipe=$(cat "$here/build-local-kafka-image.sh" "$here/kafka-run.sh" | sha256sum | cut -c1-16)
current=$(docker image inspect --format '{{ index .Config.Labels "dev.kafka-log-lab.kafka-version" }}/{{ index .Config.Labels "dev.kafka-log-lab.recipe" }}' "$tag" 2>/dev/null || true)
if [ "$force" = 0 ] && [ "$current" = "$version/$recipe" ]; then
  log "$tag is up to date (Kafka $version)"
  exit 0
fi

t0=$SECONDS
old_id=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
libs=$(env -u KAFKA_HOME node dist/cli.js broker fetch --kafka-version "$version" --json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).libsDir)')
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$java_home/bin/java" ] || { log "no Java runtime found (set JAVA_HOME)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kafka-image-XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root"/{usr/bin,usr/lib,usr/lib64,etc/kafka/docker,etc/kafka/secrets,opt/kafka/config,opt/kafka/libs,mnt/shared/config,var/lib/kafka/data,tmp}
ln -s usr/bin "$root/bin"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
chmod 1777 "$root/tmp" "$root/var/lib/kafka/data" "$root/opt/kafka/config" "$root/etc/kafka/secrets"

# Java: the modules Kafka 3.x/4.x use (jdeps over their jars) plus TLS, SASL/Kerberos and
# JMX, with a class-data-sharing archive so the JVM starts fast.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management
modules+=,java.management.rmi,java.naming,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.xml,jdk.crypto.ec,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth
modules+=,jdk.security.jgss,jdk.unsupported,jdk.zipfs
if [ -d "$java_home/jmods" ] && [ -x "$java_home/bin/jlink" ]; then
  log "jlink a Java runtime from $java_home"
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$root/opt/java"
  "$root/opt/java/bin/java" -Xshare:dump >/dev/null
else
  log "copy the Java runtime from $java_home (no jmods for jlink)"
  mkdir -p "$root/opt/java/bin"
  cp -rL "$java_home/lib" "$java_home/conf" "$java_home/release" "$root/opt/java/"
  cp -L "$java_home/bin/java" "$java_home/bin/keytool" "$root/opt/java/bin/"
  rm -rf "$root/opt/java/lib/"{ct.sym,src.zip}
fi
# Headless: drop the GUI libraries (and with them X11, fonts, GLib) and the CDS archive that
# only heaps over 32 GB use.
rm -f "$root/opt/java/lib/"{libawt_xawt,libsplashscreen,libjawt,libatk-wrapper,libjsound,libfontmanager,liblcms,libjavajpeg}.so
rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"

# A shell and the few tools kafka-run.sh uses, plus ls/id for `docker exec` checks.
tools=(env sed tr cat cp mkdir ls id)
cp -L "$(command -v dash)" "$root/usr/bin/sh"
for t in "${tools[@]}"; do cp -L "$(command -v "$t")" "$root/usr/bin/$t"; done
# Every shared library those binaries load, at the path the loader looks for it.
mapfile -t elves < <(find "$root/usr/bin" "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \))
for elf in "${elves[@]}"; do
  ldd "$elf" 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }'
done | sort -u | while read -r lib; do
  case $lib in "$root"/*) continue ;; esac
  [ -e "$root$lib" ] || cp -L --parents "$lib" "$root/"
done

cp -L "$libs"/*.jar "$root/opt/kafka/libs/"
install -m 0755 "$here/kafka-run.sh" "$root/etc/kafka/docker/run"

cat >"$root/etc/kafka/docker/server.properties" <<'EOF'
advertised.listeners=PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092
controller.listener.names=CONTROLLER
controller.quorum.voters=1@localhost:29093
group.initial.rebalance.delay.ms=0
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT
listeners=PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092
log.dirs=/tmp/kraft-combined-logs
node.id=1
offsets.topic.replication.factor=1
process.roles=broker,controller
transaction.state.log.min.isr=1
transaction.state.log.replication.factor=1
EOF
# Kafka 3.x logs through reload4j, 4.x through log4j2: one console config for each.
cat >"$root/etc/kafka/docker/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.org.apache.kafka.clients=WARN
log4j.logger.kafka.request.logger=WARN
EOF
cat >"$root/etc/kafka/docker/log4j2.properties" <<'EOF'
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
EOF
printf 'root:x:0:0:root:/root:/bin/sh\nappuser:x:1000:1000::/tmp:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nappuser:x:1000:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

log "import $tag ($(du -sh "$root" | cut -f1))"
tar --numeric-owner --owner=0 --group=0 -C "$root" -c . | docker import \
  --change 'ENV PATH=/opt/java/bin:/usr/bin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' \
  --change 'EXPOSE 9092' \
  --change 'USER appuser' \
  --change 'VOLUME ["/etc/kafka/secrets", "/var/lib/kafka/data", "/mnt/shared/config"]' \
  --change 'CMD ["/etc/kafka/docker/run"]' \
  --change "LABEL dev.kafka-log-lab.kafka-version=$version dev.kafka-log-lab.recipe=$recipe" \
  --message "Apache Kafka $version on a local Java runtime" - "$tag" >/dev/null
# The image this build replaced is now untagged: remove it unless a container still uses it.
if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect --format '{{.Id}}' "$tag")" ]; then
  docker image rm "$old_id" >/dev/null 2>&1 || true
fi
log "built $tag in $((SECONDS - t0)) s"
