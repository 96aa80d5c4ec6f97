# Installs and starts the system services the tests need, when they are missing.
# Sourced by scripts/test.sh. Needs root (or sudo) only when something must be installed.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "Installing Chromium (Debian package)…"
    apt_install chromium fonts-liberation
  fi
  "$CHROMIUM_PATH" --version
}

pg_reachable() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
  ' "$1" 2>/dev/null
}

ensure_postgres() {
  local url="${TEST_DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
  # pg is needed to probe; install npm packages first if this is a fresh clone.
  [ -d node_modules/pg ] || npm ci --no-audit --no-fund
  if ! pg_reachable "$url"; then
    echo "PostgreSQL is not answering at $url: installing/starting it…"
    command -v pg_ctlcluster >/dev/null || apt_install postgresql
    local version; version=$(ls /etc/postgresql | sort -V | tail -1)
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || as_root pg_ctlcluster "$version" main start || true
    for _ in $(seq 1 30); do pg_reachable "$url" && break; sleep 1; done
    if ! pg_reachable "$url"; then
      # A stock Debian cluster wants a password over TCP: give the postgres role one.
      as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
      url="postgresql://postgres:postgres@127.0.0.1:5432/postgres"
    fi
    pg_reachable "$url" || { echo "PostgreSQL could not be reached at $url" >&2; exit 1; }
  fi
  export TEST_DATABASE_ADMIN_URL="$url"
  echo "PostgreSQL: $url"
}

# ClamAV for artifact scans: Debian's clamd and clamdscan.
install_clamav() {
  echo "Installing ClamAV (clamav-daemon, clamdscan)…"
  apt_install clamav-daemon clamdscan
}

# clamd on 127.0.0.1:3310 with the project's test signatures (scripts/clamd.sh), plus Debian's
# clamav-testfiles for the scan tests. Exports CLAMAV_HOST and CLAMAV_PORT.
ensure_clamd() {
  command -v clamd >/dev/null && command -v clamdscan >/dev/null || install_clamav
  [ -d /usr/share/clamav-testfiles ] || apt_install clamav-testfiles
  bash scripts/clamd.sh start
  export CLAMAV_HOST=127.0.0.1 CLAMAV_PORT="${CLAMD_PORT:-3310}"
}
