#!/bin/sh
# Entrypoint of the local image built by build-local-kafka-image.sh (installed as
# /etc/kafka/docker/run, like in apache/kafka). It honours the official image's environment
# contract so the launcher can treat both images alike:
#   - every KAFKA_FOO_BAR variable becomes foo.bar in server.properties ("___" -> "-",
#     "__" -> "_"), except the JVM/log4j options below;
#   - a server.properties mounted in /mnt/shared/config is the base the variables are added to;
#   - without KAFKA_ZOOKEEPER_CONNECT the official single-node defaults fill unset variables;
#   - KAFKA_LISTENERS defaults to KAFKA_ADVERTISED_LISTENERS with hosts 0.0.0.0;
#   - CLUSTER_ID formats the log dirs, on first start only (a volume keeps its topics);
#   - KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_LOG4J_OPTS and KAFKA_OPTS reach the JVM.
# Arguments NAME=VALUE override the environment, as in the official image.
# KLL_ROOT prefixes every path and KLL_CONFIG_ONLY=1 prints the config instead of starting
# Kafka, so the mapping can be tested on any machine with a POSIX shell.
set -eu
set -f # options like KAFKA_OPTS are split on spaces but never globbed

root=${KLL_ROOT:-}
defaults_dir=$root/etc/kafka/docker
mounted_dir=$root/mnt/shared/config
config_dir=$root/opt/kafka/config
libs_dir=$root/opt/kafka/libs
config=$config_dir/server.properties

for assignment in "$@"; do export "$assignment"; done

set_default() { # NAME VALUE: export NAME=VALUE unless NAME is set and non-empty
  eval "current=\${$1:-}"
  if [ -z "$current" ]; then export "$1=$2"; fi
}

if [ -z "${KAFKA_ZOOKEEPER_CONNECT:-}" ]; then
  set_default CLUSTER_ID 5L6g3nShT-eMCtK--X86sw
  set_default KAFKA_NODE_ID 1
  set_default KAFKA_LISTENER_SECURITY_PROTOCOL_MAP CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT
  set_default KAFKA_LISTENERS PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092
  set_default KAFKA_ADVERTISED_LISTENERS PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092
  set_default KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR 1
  set_default KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS 0
  set_default KAFKA_TRANSACTION_STATE_LOG_MIN_ISR 1
  set_default KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR 1
  set_default KAFKA_PROCESS_ROLES broker,controller
  set_default KAFKA_CONTROLLER_QUORUM_VOTERS 1@localhost:29093
  set_default KAFKA_INTER_BROKER_LISTENER_NAME PLAINTEXT
  set_default KAFKA_CONTROLLER_LISTENER_NAMES CONTROLLER
  set_default KAFKA_LOG_DIRS /tmp/kraft-combined-logs
fi

if [ -n "${KAFKA_PROCESS_ROLES:-}" ]; then
  if [ -z "${CLUSTER_ID:-}" ]; then echo "CLUSTER_ID environment variable not set" >&2; exit 1; fi
  if [ "$KAFKA_PROCESS_ROLES" = controller ]; then
    if [ -n "${KAFKA_ADVERTISED_LISTENERS:-}" ]; then
      echo "KAFKA_ADVERTISED_LISTENERS is not supported on a KRaft controller." >&2
      exit 1
    fi
    unset KAFKA_ADVERTISED_LISTENERS
  fi
fi
if [ -z "${KAFKA_LISTENERS:-}" ] && [ "${KAFKA_PROCESS_ROLES:-}" != controller ] && [ -n "${KAFKA_ADVERTISED_LISTENERS:-}" ]; then
  KAFKA_LISTENERS=$(printf '%s\n' "$KAFKA_ADVERTISED_LISTENERS" | sed -e 's|://[^:]*:|://0.0.0.0:|g')
  export KAFKA_LISTENERS
fi

is_jvm_option() {
  case $1 in
    KAFKA_VERSION | KAFKA_HEAP_OPTS | KAFKA_LOG4J_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | \
      KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_ROOT_LOGLEVEL | KAFKA_LOG4J_LOGGERS | KAFKA_TOOLS_LOG4J_LOGLEVEL | KAFKA_JMX_HOSTNAME) return 0 ;;
  esac
  return 1
}

# KAFKA_LOG_RETENTION_MS -> log.retention.ms; the official wrapper lowercases, turns "_" into
# ".", then "..." into "-" and ".." into "_", in that order.
property_name() {
  printf '%s\n' "${1#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/_/./g' -e 's/\.\.\./-/g' -e 's/\.\./_/g'
}

render_env_properties() {
  for name in $(env | sed -n 's/^\(KAFKA_[A-Za-z0-9_]*\)=.*/\1/p'); do
    is_jvm_option "$name" && continue
    eval "isset=\${$name+x}"
    [ -n "$isset" ] || continue # a line of a multi-line value, not a variable
    eval "value=\${$name}"
    printf '%s=%s\n' "$(property_name "$name")" "$value"
  done
}

mkdir -p "$config_dir"
if [ -f "$mounted_dir/server.properties" ]; then
  cat "$mounted_dir/server.properties" >"$config"
  printf '\n' >>"$config"
else
  : >"$config"
fi
render_env_properties >>"$config"
# Neither a mounted file nor variables: the image's own single-node configuration.
if [ -z "$(tr -d ' \t\r\n' <"$config")" ]; then cp "$defaults_dir/server.properties" "$config"; fi
for extra in log4j.properties log4j2.properties tools-log4j.properties; do
  if [ -f "$mounted_dir/$extra" ]; then cp "$mounted_dir/$extra" "$config_dir/$extra"
  elif [ -f "$defaults_dir/$extra" ]; then cp "$defaults_dir/$extra" "$config_dir/$extra"; fi
done

if [ "${KLL_CONFIG_ONLY:-}" = 1 ]; then
  cat "$config"
  exit 0
fi

# Unquoted on purpose: each variable is a space-separated list of JVM flags.
jvm_flags="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}"
jvm_flags="$jvm_flags ${KAFKA_LOG4J_OPTS:--Dlog4j.configuration=file:$config_dir/log4j.properties -Dlog4j2.configurationFile=$config_dir/log4j2.properties}"
jvm_flags="$jvm_flags ${KAFKA_JMX_OPTS:-} ${KAFKA_OPTS:-}"

# The last log.dirs (or log.dir) line wins, as in java.util.Properties.
log_dirs=$(sed -n -e 's/^[[:space:]]*log\.dirs\{0,1\}[[:space:]]*[=:][[:space:]]*//p' "$config" | sed -n '$p')
unformatted=""
old_ifs=$IFS
IFS=,
for dir in ${log_dirs:-/tmp/kafka-logs}; do
  [ -f "$dir/meta.properties" ] || unformatted="$unformatted $dir"
done
IFS=$old_ifs

if [ -n "${KAFKA_PROCESS_ROLES:-}" ] && [ -n "$unformatted" ]; then
  echo "===> Formatting${unformatted} with cluster id $CLUSTER_ID"
  # shellcheck disable=SC2086
  java -Xmx256M $jvm_flags -cp "$libs_dir/*" kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id="$CLUSTER_ID" -c "$config"
fi

echo "===> Launching Kafka"
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G} $jvm_flags -cp "$libs_dir/*" kafka.Kafka "$config"
