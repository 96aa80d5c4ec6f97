#!/usr/bin/env bash
# Runs clamd for budmodel's artifact scans, on 127.0.0.1:3310 (CLAMD_PORT overrides), with the
# project's own test signatures (clamav/signatures/) plus the system's database (/var/lib/clamav)
# when it has one, and with stream and file limits raised to what model files need.
#
#   scripts/clamd.sh [start]   start it, unless a clamd already answers PING there (idempotent)
#   scripts/clamd.sh stop      stop the clamd this script started on that port
#   scripts/clamd.sh restart
#   scripts/clamd.sh status    exit 0 when clamd answers
#
# Installs Debian's clamav-daemon when clamd is missing. Its files (config, database folder, pid,
# log) live in CLAMD_DIR, by default /tmp/budmodel-clamd-<port>. The limits: CLAMD_MAX_BYTES
# (default 2000M, the same as the app's CLAMAV_MAX_STREAM_BYTES default; ClamAV cannot scan 2 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system.sh

host=127.0.0.1
port="${CLAMD_PORT:-3310}"
dir="${CLAMD_DIR:-/tmp/budmodel-clamd-$port}"
max="${CLAMD_MAX_BYTES:-2000M}"

ping_clamd() {
  # zPING over TCP with bash's /dev/tcp: no client tools needed.
  local reply
  reply=$(timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'zPING\0' >&3 && head -c 4 <&3" 2>/dev/null || true)
  [ "$reply" = "PONG" ]
}

start() {
  if ping_clamd; then
    echo "clamd: already answering on $host:$port"
    return 0
  fi
  command -v clamd >/dev/null || install_clamav
  mkdir -p "$dir/db" "$dir/tmp"
  rm -f "$dir"/db/*
  cp clamav/signatures/*.hdb clamav/signatures/*.ndb "$dir/db/"
  local system_db=0
  for file in /var/lib/clamav/*.cvd /var/lib/clamav/*.cld /var/lib/clamav/*.cud; do
    [ -s "$file" ] || continue
    ln -sf "$file" "$dir/db/"
    system_db=1
  done
  cat > "$dir/clamd.conf" <<EOF
TCPSocket $port
TCPAddr $host
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
LogTime yes
Foreground no
StreamMaxLength $max
MaxFileSize $max
MaxScanSize 4000M
MaxScanTime 600000
AlertExceedsMax yes
ReadTimeout 300
CommandReadTimeout 30
MaxThreads 8
MaxQueue 100
EOF
  echo "clamd: starting on $host:$port (signatures: project's$( [ $system_db = 1 ] && echo " + /var/lib/clamav"); files in $dir)"
  clamd --config-file="$dir/clamd.conf"
  for _ in $(seq 1 240); do
    ping_clamd && { echo "clamd: ready"; return 0; }
    sleep 0.25
  done
  echo "clamd did not answer on $host:$port; its log:" >&2
  tail -n 20 "$dir/clamd.log" >&2 || true
  return 1
}

stop() {
  if [ -f "$dir/clamd.pid" ]; then
    local pid; pid=$(cat "$dir/clamd.pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      echo "clamd: stopped ($pid)"
    fi
    rm -f "$dir/clamd.pid"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) ping_clamd && echo "clamd: answering on $host:$port" || { echo "clamd: not answering on $host:$port"; exit 1; } ;;
  *) echo "usage: $0 [start|stop|restart|status]" >&2; exit 2 ;;
esac
