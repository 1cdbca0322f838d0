# shellcheck shell=bash
# Shared helpers for scripts/demo and scripts/test: find Odoo, find or start
# PostgreSQL, write the effective Odoo configuration. Source it, don't run it.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$ROOT/.local"
PY=${PYTHON:-python3}
ADDONS="cs_center,cs_attendance,cs_servicedesk"
mkdir -p "$LOCAL"

say() { printf '%s\n' "[cs-suite] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# True when Odoo 19.0 can be imported by $PY (run outside the repo so that
# no local folder shadows the package).
odoo_importable() {
    (cd / && "$PY" -c 'import sys, odoo.release as r; sys.exit(r.version_info[0] != 19)') \
        >/dev/null 2>&1
}

# The folder holding Odoo's standard addons (web, mail, account, ...): inside
# the package for a pip install, beside it for a source checkout.
core_addons_path() {
    (cd / && "$PY" - <<'EOF'
import os
import odoo.addons
import odoo.release

top = os.path.dirname(os.path.dirname(os.path.abspath(odoo.release.__file__)))
for path in [*odoo.addons.__path__, os.path.join(top, "addons")]:
    if os.path.isfile(os.path.join(path, "web", "__manifest__.py")):
        print(path)
        break
EOF
    )
}

conf_value() {  # conf_value KEY: a value from the project's odoo.conf
    "$PY" - "$ROOT/odoo.conf" "$1" <<'EOF'
import configparser
import sys

cp = configparser.ConfigParser()
cp.read(sys.argv[1])
print(cp.get("options", sys.argv[2], fallback=""))
EOF
}

pg_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    return 1
}

free_port() {  # free_port FIRST: the first free TCP port on loopback from FIRST on
    "$PY" - "$1" <<'EOF'
import socket
import sys

port = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            port += 1
            continue
    print(port)
    break
EOF
}

can_connect() {  # can_connect HOST PORT USER PASSWORD
    PGPASSWORD="$4" "$PY" - "$@" <<'EOF' >/dev/null 2>&1
import sys

import psycopg2

host, port, user, password = sys.argv[1:5]
psycopg2.connect(host=host, port=port, user=user, password=password, dbname="postgres",
                 connect_timeout=3).close()
EOF
}

# Sets DB_HOST DB_PORT DB_USER DB_PASSWORD: the server given by PGHOST/PGPORT/
# PGUSER/PGPASSWORD or by odoo.conf when it answers, else a project-local
# cluster under .local/pg (loopback only, owned by a non-root user).
ensure_postgres() {
    DB_HOST=${PGHOST:-$(conf_value db_host)}
    DB_PORT=${PGPORT:-$(conf_value db_port)}
    DB_USER=${PGUSER:-$(conf_value db_user)}
    DB_PASSWORD=${PGPASSWORD:-$(conf_value db_password)}
    if [ -z "${CS_LOCAL_PG:-}" ] && can_connect "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"; then
        say "using PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER"
        return
    fi
    start_local_postgres
}

# PG_CLUSTER names another project-local cluster (default "pg"): scripts/stress
# restarts its own without disturbing the one other runs use.
start_local_postgres() {
    local bindir data owner run cluster=${PG_CLUSTER:-pg}
    bindir=$(pg_bindir) || die "PostgreSQL server binaries not found: install Debian's 'postgresql' package (apt-get install postgresql) or set PGHOST/PGPORT/PGUSER/PGPASSWORD to a server."
    data="$LOCAL/$cluster"
    run=()
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses root: the cluster belongs to a dedicated system user,
        # and lives where that user can reach it (a fresh clone may sit in a
        # private temporary folder); .local/pg links to it.
        owner=cs-suite-pg
        id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
        if [ ! -e "$data" ]; then
            local real="/var/lib/cs-suite-pg/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
            [ "$cluster" = pg ] || real="$real-$cluster"
            mkdir -p "$real" && chown "$owner" "$real" && chmod 700 "$real"
            ln -s "$real" "$data"
        fi
        run=(runuser -u "$owner" --)
    else
        mkdir -p "$data"
    fi
    data=$(readlink -f "$data")
    if [ ! -f "$data/PG_VERSION" ]; then
        say "creating a project-local PostgreSQL cluster in .local/$cluster"
        (cd / && "${run[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8) >"$LOCAL/initdb.log" 2>&1 || die "initdb failed, see .local/initdb.log"
    fi
    DB_HOST=127.0.0.1
    DB_USER=odoo
    DB_PASSWORD=odoo
    # The cluster's owner may not enter this folder: its commands run from /.
    if (cd / && "${run[@]}" "$bindir/pg_ctl" -D "$data" status) >/dev/null 2>&1; then
        DB_PORT=$(cat "$LOCAL/$cluster.port")
    else
        DB_PORT=$(free_port 55432)
        echo "$DB_PORT" >"$LOCAL/$cluster.port"
        (cd / && "${run[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $DB_PORT -k $data -c fsync=off -c full_page_writes=off" \
            start) >/dev/null || die "PostgreSQL did not start, see .local/$cluster/server.log"
        PG_STARTED_HERE=1
    fi
    "$bindir/psql" -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -qtAc \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'odoo') THEN
         CREATE ROLE odoo LOGIN CREATEDB PASSWORD 'odoo'; END IF; END\$\$;" >/dev/null \
        || die "could not create the 'odoo' role in the local cluster"
    say "using the project-local PostgreSQL on 127.0.0.1:$DB_PORT"
}

# Stops the project-local cluster if this process started it.
stop_local_postgres() {
    [ "${PG_STARTED_HERE:-0}" = 1 ] || return 0
    local bindir run=()
    bindir=$(pg_bindir) || return 0
    [ "$(id -u)" = 0 ] && run=(runuser -u cs-suite-pg --)
    (cd / && "${run[@]}" "$bindir/pg_ctl" -D "$(readlink -f "$LOCAL/${PG_CLUSTER:-pg}")" -m fast stop) \
        >/dev/null 2>&1
}

# Writes .local/odoo.conf (or .local/$CONF_NAME) and sets CONF to it: the
# project's odoo.conf with the core addons path and the database server filled
# in. Extra KEY=VALUE pairs override options.
write_conf() {
    local core
    core=$(core_addons_path) || true
    [ -n "$core" ] || die "Odoo is importable but its standard addons (web, mail, ...) were not found."
    CONF="$LOCAL/${CONF_NAME:-odoo.conf}"
    "$PY" - "$ROOT/odoo.conf" "$CONF" \
        "addons_path=$core,$ROOT/addons" "db_host=$DB_HOST" "db_port=$DB_PORT" \
        "db_user=$DB_USER" "db_password=$DB_PASSWORD" "data_dir=$LOCAL/data" "$@" <<'EOF'
import configparser
import sys

src, dst, *pairs = sys.argv[1:]
cp = configparser.ConfigParser()
cp.read(src)
for pair in pairs:
    key, value = pair.split("=", 1)
    cp.set("options", key, value)
with open(dst, "w") as fh:
    cp.write(fh)
EOF
}

odoo_run() {  # odoo_run ARGS...: Odoo with the effective configuration
    (cd "$ROOT" && "$PY" -m odoo -c "$CONF" "$@")
}

# odoo_serve ARGS... &: the server from a script file, not `python -m odoo`:
# with --workers, Odoo starts its websocket process by running sys.argv[0]
# again. Run it in the background: it replaces its shell, so $! is Odoo's
# master process.
odoo_serve() {
    printf 'from odoo.cli.command import main\n\nmain()\n' >"$LOCAL/odoo-serve.py"
    cd "$ROOT" && exec "$PY" "$LOCAL/odoo-serve.py" -c "$CONF" "$@"
}

drop_db() {
    PGPASSWORD="$DB_PASSWORD" "$PY" - "$DB_HOST" "$DB_PORT" "$DB_USER" "$1" <<'EOF'
import sys

import psycopg2

host, port, user, name = sys.argv[1:5]
conn = psycopg2.connect(host=host, port=port, user=user, dbname="postgres")
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
conn.close()
EOF
}

db_exists() {
    PGPASSWORD="$DB_PASSWORD" "$PY" - "$DB_HOST" "$DB_PORT" "$DB_USER" "$1" <<'EOF'
import sys

import psycopg2

host, port, user, name = sys.argv[1:5]
conn = psycopg2.connect(host=host, port=port, user=user, dbname="postgres")
with conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    sys.exit(0 if cr.fetchone() else 1)
EOF
}
