#!/usr/bin/env bash
# The integration test bed: a real Docker engine and a real registry on loopback, plus a local base image.
#
#   scripts/testbed.sh up     start what is missing (idempotent) and write the env to .testbed/env
#   scripts/testbed.sh env    print the env (DOCKER_HOST, IB_REGISTRY, ...) for `eval`
#   scripts/testbed.sh down   stop what `up` started
#
# An engine that already answers `docker info` (DOCKER_HOST or the default socket) is used as is.
# Otherwise, as root on Debian, the packages are installed when missing and dockerd is started with its
# own data root and socket. Nothing here talks to any address but loopback.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="${IB_TESTBED_DIR:-$root/.testbed}"
docker_bin=/usr/bin/docker   # Debian's 20.10 client: the preinstalled 28.x one refuses BuildKit without buildx
mkdir -p "$state"

log() { printf '[testbed] %s\n' "$*" >&2; }

need_packages() {
  local missing=()
  [ -x /usr/bin/docker ] && command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  # A second registry client, to check ours (and our token server) against one we did not write.
  command -v skopeo >/dev/null || missing+=(skopeo)
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx sh || missing+=(busybox-static)
  # busybox-static is what we copy into the base image: check it is the static build.
  if [ -x /bin/busybox ] && ldd /bin/busybox >/dev/null 2>&1; then missing+=(busybox-static); fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then log "missing packages ${missing[*]}; run as root or install them"; exit 1; fi
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

engine_answers() { DOCKER_HOST="$1" timeout 10 "$docker_bin" info >/dev/null 2>&1; }

start_engine() {
  if [ -n "${DOCKER_HOST:-}" ] && engine_answers "$DOCKER_HOST"; then
    echo "$DOCKER_HOST" >"$state/docker_host"; log "using engine at $DOCKER_HOST"; return
  fi
  if engine_answers unix:///var/run/docker.sock; then
    echo unix:///var/run/docker.sock >"$state/docker_host"; log "using the default engine"; return
  fi
  local sock="$state/docker.sock" host="unix://$state/docker.sock"
  if engine_answers "$host"; then echo "$host" >"$state/docker_host"; return; fi
  log "starting dockerd (data root $state/docker)"
  mkdir -p "$state/docker" "$state/exec"
  # No bridge and no iptables: the sandbox has no network to give containers; RUN steps use --network=none.
  setsid dockerd --host="$host" --data-root="$state/docker" --exec-root="$state/exec" \
    --pidfile="$state/dockerd.pid" --bridge=none --iptables=false --ip6tables=false \
    --storage-driver="${IB_STORAGE_DRIVER:-overlay2}" >"$state/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 120); do
    engine_answers "$host" && { echo "$host" >"$state/docker_host"; return; }
    sleep 0.5
  done
  log "dockerd did not answer; its log:"; tail -n 30 "$state/dockerd.log" >&2; exit 1
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

start_registry() {
  if [ -f "$state/registry.addr" ] && curl -fsS "http://$(cat "$state/registry.addr")/v2/" >/dev/null 2>&1; then return; fi
  local port; port=$(free_port)
  mkdir -p "$state/registry-data"
  cat >"$state/registry.yml" <<YML
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
  formatter: text
storage:
  filesystem:
    rootdirectory: $state/registry-data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
YML
  log "starting docker-registry on 127.0.0.1:$port"
  setsid docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 </dev/null 9>&- &
  echo $! >"$state/registry.pid"
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then echo "127.0.0.1:$port" >"$state/registry.addr"; return; fi
    sleep 0.25
  done
  log "registry did not answer; its log:"; tail -n 30 "$state/registry.log" >&2; exit 1
}

# A base image made locally (nothing can be pulled): busybox-static in an otherwise empty rootfs.
make_base_image() {
  local host reg; host=$(cat "$state/docker_host"); reg=$(cat "$state/registry.addr")
  local ref="$reg/busybox:1"
  if curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$reg/v2/busybox/manifests/1" 2>/dev/null && DOCKER_HOST=$host "$docker_bin" image inspect "$ref" >/dev/null 2>&1; then
    return
  fi
  log "creating base image $ref"
  local rootfs; rootfs=$(mktemp -d)
  mkdir -p "$rootfs"/{bin,etc,tmp,root,home,usr/bin,var}
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp"
  tar -C "$rootfs" -c . | DOCKER_HOST=$host "$docker_bin" import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["/bin/sh"]' - "$ref" >/dev/null
  rm -rf "$rootfs"
  DOCKER_HOST=$host "$docker_bin" push "$ref" >/dev/null
}

print_env() {
  cat <<ENV
export DOCKER_HOST=$(cat "$state/docker_host")
export DOCKER_BUILDKIT=1
export IB_DOCKER=$docker_bin
export IB_REGISTRY=$(cat "$state/registry.addr")
export IB_REGISTRY_LOG=$state/registry.log
export IB_BASE_IMAGE=$(cat "$state/registry.addr")/busybox:1
ENV
}

stop_pidfile() {
  local f="$1"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

case "${1:-up}" in
  up)
    # Test runs and benchmarks may call `up` at the same time: one brings things up, the others wait.
    exec 9>"$state/up.lock"
    flock 9
    need_packages
    start_engine
    start_registry
    make_base_image
    print_env >"$state/env"
    log "ready: $(tr '\n' ' ' <"$state/env")"
    ;;
  env) print_env ;;
  down)
    stop_pidfile "$state/registry.pid"; rm -f "$state/registry.addr"
    stop_pidfile "$state/dockerd.pid"
    log "stopped"
    ;;
  *) echo "usage: $0 up|env|down" >&2; exit 2 ;;
esac
