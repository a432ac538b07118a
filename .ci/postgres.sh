# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the store's tests, sourced by .ci/run and .ci/with-postgres.
#
# start_postgres installs Debian's postgresql package when it is missing (as root), makes a
# cluster in a temporary directory, starts it on a free local port (as the postgres user when
# run as root) and exports PLENARY_TEST_POSTGRES_URL; stop_postgres stops it and removes it.

plenary_pg_dir=""
plenary_pg_bin=""

start_postgres() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "installing PostgreSQL (Debian's postgresql package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  plenary_pg_bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)"
  local as=()
  plenary_pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/plenary-pg.XXXXXX")"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "${plenary_pg_dir}"
    as=(runuser -u postgres --)
  fi
  local port
  for port in $(seq 54329 54429); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then break; fi
  done
  "${as[@]}" "${plenary_pg_bin}/initdb" -D "${plenary_pg_dir}/data" -U postgres \
    --auth=trust -E UTF8 --locale=C >"${plenary_pg_dir}/initdb.log" 2>&1 \
    || { cat "${plenary_pg_dir}/initdb.log" >&2; return 1; }
  "${as[@]}" "${plenary_pg_bin}/pg_ctl" -D "${plenary_pg_dir}/data" -l "${plenary_pg_dir}/server.log" \
    -o "-p ${port} -k ${plenary_pg_dir} -c listen_addresses=127.0.0.1 -c max_connections=200" \
    -w start >/dev/null \
    || { cat "${plenary_pg_dir}/server.log" >&2; return 1; }
  export PLENARY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:${port}/postgres"
  echo "$("${plenary_pg_bin}/postgres" --version) on ${PLENARY_TEST_POSTGRES_URL}"
}

stop_postgres() {
  if [ -n "${plenary_pg_dir}" ] && [ -d "${plenary_pg_dir}/data" ]; then
    local as=()
    if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
    "${as[@]}" "${plenary_pg_bin}/pg_ctl" -D "${plenary_pg_dir}/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "${plenary_pg_dir}"
  fi
  plenary_pg_dir=""
}
