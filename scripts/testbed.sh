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
#
# Three builders, as GitHub runners have them (see docs/testing.md):
#   buildx-remote  docker CLI >= 23 + the buildx plugin + a BuildKit daemon (setup-buildx-action's way)
#   buildx-docker  the same CLI and plugin on buildx's `docker` driver (the engine's own BuildKit)
#   classic        Debian's docker 20.10 CLI with DOCKER_BUILDKIT=1, no buildx
# buildx comes from the machine (a plugin the default docker config already has) or from
# ../shared/tools/buildkit; with neither, IB_BUILDX=unavailable and the buildx tests are skipped
# (IB_REQUIRE_BUILDX=1, as .ci/run sets, makes that an error instead).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="${IB_TESTBED_DIR:-$root/.testbed}"
docker_bin=/usr/bin/docker   # Debian's 20.10 client: the preinstalled 28.x one refuses BuildKit without buildx
# ../shared/tools/buildkit beside the checkout (or beside any folder above it: CI may clone elsewhere).
find_buildkit_tools() {
  [ -n "${IB_BUILDKIT_TOOLS:-}" ] && { echo "$IB_BUILDKIT_TOOLS"; return; }
  local dir="$root"
  while [ "$dir" != / ]; do
    [ -f "$dir/../shared/tools/buildkit/install.sh" ] && { (cd "$dir/../shared/tools/buildkit" && pwd); return; }
    dir=$(dirname "$dir")
  done
  echo /work/shared/tools/buildkit
}
buildkit_tools=$(find_buildkit_tools)
mkdir -p "$state"

log() { printf '[testbed] %s\n' "$*" >&2; }

need_packages() {
  local missing=()
  [ -x /usr/bin/docker ] && command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  # Debian's AWS CLI v2: the second client of the ECR emulator (always called as /usr/bin/aws).
  [ -x /usr/bin/aws ] || missing+=(awscli)
  # A second registry client, to check ours (and our token server) against one we did not write.
  command -v skopeo >/dev/null || missing+=(skopeo)
  # A second client of the GitHub REST emulator: Python's requests, with Debian's python3.
  /usr/bin/python3 -c 'import requests' 2>/dev/null || missing+=(python3-requests)
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

# The docker CLI the runners have (>= 23), else Debian's client (it loads CLI plugins too).
buildx_client() {
  local candidate
  for candidate in /usr/local/bin/docker "$(command -v docker || true)" "$docker_bin"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    local version; version=$("$candidate" --version 2>/dev/null | sed -n 's/^Docker version \([0-9]*\)\..*/\1/p')
    if [ -n "$version" ] && [ "$version" -ge 23 ]; then echo "$candidate"; return; fi
  done
  echo "$docker_bin"
}

# The buildx plugin: the machine's own (what `docker buildx` finds with the default config), else the
# one in ../shared/tools/buildkit. Prints the plugin path, or nothing.
buildx_plugin() {
  local client="$1" dir
  for dir in "${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins" /usr/local/lib/docker/cli-plugins \
    /usr/local/libexec/docker/cli-plugins /usr/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins; do
    if [ -x "$dir/docker-buildx" ]; then echo "$dir/docker-buildx"; return; fi
  done
  if [ -f "$buildkit_tools/install.sh" ]; then
    local bin; bin=$(bash "$buildkit_tools/install.sh" "$state/buildkit-tools")
    echo "$bin/docker-buildx"
  fi
}

# buildkitd for the remote builder: the tools' build, else one on PATH.
buildkitd_bin() {
  if [ -x "$state/buildkit-tools/bin/buildkitd" ]; then echo "$state/buildkit-tools/bin/buildkitd"; return; fi
  if [ -f "$buildkit_tools/install.sh" ]; then echo "$(bash "$buildkit_tools/install.sh" "$state/buildkit-tools")/buildkitd"; return; fi
  command -v buildkitd || true
}

start_buildx() {
  rm -f "$state/buildx.env"
  local client plugin buildkitd reg; client=$(buildx_client); reg=$(cat "$state/registry.addr")
  plugin=$(buildx_plugin "$client")
  buildkitd=$(buildkitd_bin)
  if [ -z "$plugin" ] || [ -z "$buildkitd" ]; then
    log "no buildx here (no plugin in the docker config and no $buildkit_tools): buildx tests will be skipped"
    echo "IB_BUILDX=unavailable" >"$state/buildx.env"
    return
  fi
  # A Docker config of the test bed's own: the plugin and the builder instances live there, so the
  # user's ~/.docker is never touched. The classic config has no plugin at all.
  local config="$state/docker-config"
  mkdir -p "$config/cli-plugins" "$state/docker-config-classic"
  # (A caller already inside this config, as demo.sh's may be, finds the plugin here already.)
  [ "$plugin" -ef "$config/cli-plugins/docker-buildx" ] || cp -f "$plugin" "$config/cli-plugins/docker-buildx"
  local sock="$state/buildkitd.sock"
  # One more plain-http address for a proxy in front of a registry (tests and benchmarks count or
  # break requests there), fixed for the test bed's life because buildkitd reads its config at start.
  [ -s "$state/proxy.port" ] || free_port >"$state/proxy.port"
  local proxy="127.0.0.1:$(cat "$state/proxy.port")"
  # A registry restarted on another port needs a buildkitd that knows the new address as insecure.
  if ! grep -qF "[registry.\"$reg\"]" "$state/buildkitd.toml" 2>/dev/null; then stop_pidfile "$state/buildkitd.pid"; fi
  if ! { [ -S "$sock" ] && [ -f "$state/buildkitd.pid" ] && kill -0 "$(cat "$state/buildkitd.pid")" 2>/dev/null; }; then
    rm -f "$sock"
    # The registry is plain http on loopback; host network because the test engine has no bridge.
    cat >"$state/buildkitd.toml" <<TOML
[registry."$reg"]
  http = true
  insecure = true
[registry."$proxy"]
  http = true
  insecure = true
TOML
    mkdir -p "$state/buildkit"
    log "starting buildkitd ($("$buildkitd" --version | awk '{print $3}'))"
    setsid "$buildkitd" --root "$state/buildkit" --addr "unix://$sock" --config "$state/buildkitd.toml" \
      --oci-worker-net=host --containerd-worker=false >"$state/buildkitd.log" 2>&1 </dev/null 9>&- &
    echo $! >"$state/buildkitd.pid"
    for _ in $(seq 1 120); do [ -S "$sock" ] && break; sleep 0.25; done
  fi
  local host; host=$(cat "$state/docker_host")
  local bx=(env DOCKER_CONFIG="$config" DOCKER_HOST="$host" "$client" buildx)
  if ! "${bx[@]}" inspect testbed >/dev/null 2>&1; then
    "${bx[@]}" create --name testbed --driver remote "unix://$sock" >/dev/null
  fi
  if ! "${bx[@]}" inspect --bootstrap testbed >/dev/null 2>&1; then
    log "the buildx builder did not start; buildkitd log:"; tail -n 20 "$state/buildkitd.log" >&2; exit 1
  fi
  local version; version=$("${bx[@]}" version | awk '{print $2}')
  cat >"$state/buildx.env" <<ENV
IB_BUILDX=available
IB_BUILDX_DOCKER=$client
IB_BUILDX_VERSION=$version
IB_BUILDX_CONFIG=$config
IB_BUILDX_REMOTE=testbed
IB_BUILDX_DOCKER_DRIVER=default
IB_CLASSIC_CONFIG=$state/docker-config-classic
IB_PROXY_PORT=$(cat "$state/proxy.port")
IB_BUILDKITD=$buildkitd
IB_BUILDKITD_CONFIG=$state/buildkitd.toml
IB_BUILDKITD_ADDR=unix://$sock
ENV
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
  [ -f "$state/buildx.env" ] && sed 's/^/export /' "$state/buildx.env"
  return 0
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
    start_buildx
    if [ "${IB_REQUIRE_BUILDX:-}" = 1 ] && grep -q unavailable "$state/buildx.env"; then
      log "IB_REQUIRE_BUILDX=1 but no buildx could be set up"; exit 1
    fi
    print_env >"$state/env"
    log "ready: $(tr '\n' ' ' <"$state/env")"
    ;;
  env) print_env ;;
  down)
    stop_pidfile "$state/buildkitd.pid"
    stop_pidfile "$state/registry.pid"; rm -f "$state/registry.addr"
    stop_pidfile "$state/dockerd.pid"
    log "stopped"
    ;;
  *) echo "usage: $0 up|env|down" >&2; exit 2 ;;
esac
