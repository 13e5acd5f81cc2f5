#!/usr/bin/env bash
# W6 (BENCHMARKS.md): why "messages of a fault" reads 1.8x slower on PostgreSQL beside a year of history although its
# plan reads the same 4 buffers. Builds two copies of ops_workflow with its V1 and V5 indexes in a scratch database:
# "empty" (the probe's 10 SM-SMS rows) and "year" (the same 10 plus 240,000 SM-SMS rows and 20,000 data
# modifications), then times the adapter's prefix query (JdbcWorkflowRepository.listByIdPrefix) as a server-side
# prepared statement with pgbench, under PostgreSQL's three plan-cache modes, and prints the generic and custom
# plans with their estimated costs, and counts which of the two PostgreSQL's default plan-cache mode chose.
#   ops-benchmarks/scripts/w6-prefix-plans.sh [transactions, default 30000]
# Needs psql, pgbench and createdb/dropdb for a role that may create databases: set PGHOST, PGPORT, PGUSER (on
# Debian as root: `runuser -u postgres -- ops-benchmarks/scripts/w6-prefix-plans.sh`, from a readable directory).
set -euo pipefail
n="${1:-30000}"
db="opsbook_w6_prefix_$$"
work="$(mktemp -d)"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
createdb "$db"
psql -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE SCHEMA empty; CREATE SCHEMA year;
DO $$ DECLARE s text; BEGIN FOREACH s IN ARRAY ARRAY['empty', 'year'] LOOP
  EXECUTE format('CREATE TABLE %I.ops_workflow (id VARCHAR(200) NOT NULL PRIMARY KEY, machine VARCHAR(100) NOT NULL,'
    ' state VARCHAR(100) NOT NULL, version BIGINT NOT NULL, data_json TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL,'
    ' updated_at TIMESTAMPTZ NOT NULL)', s);
  EXECUTE format('CREATE INDEX ops_workflow_machine_idx ON %I.ops_workflow (machine, updated_at)', s);
  EXECUTE format('CREATE INDEX ops_workflow_prefix_idx ON %I.ops_workflow (machine, id varchar_pattern_ops)', s);
  EXECUTE format('INSERT INTO %I.ops_workflow SELECT ''P-'' || f || ''/'' || t || ''/1'', ''SM-SMS'', ''SENT'', 5,'
    ' repeat(''x'', 600), now(), now() FROM generate_series(1, 5) f, unnest(ARRAY[''NOTIFICATION'', ''FOLLOW_UP'']) t', s);
END LOOP; END $$;
INSERT INTO year.ops_workflow SELECT 'F-' || lpad(f::text, 5, '0') || '/' || t || '/' || k, 'SM-SMS', 'SENT', 5,
  repeat('x', 600), now(), now()
  FROM generate_series(1, 40000) f, unnest(ARRAY['NOTIFICATION', 'FOLLOW_UP', 'RECOVERY']) t, generate_series(1, 2) k;
INSERT INTO year.ops_workflow SELECT 'DM-' || f, 'SM-DATAOP-MOD', 'CLOSED', 5, repeat('x', 600), now(), now()
  FROM generate_series(1, 20000) f;
VACUUM ANALYZE empty.ops_workflow; VACUUM ANALYZE year.ops_workflow;
SQL
# the statement listByIdPrefix sends on PostgreSQL, its four parameters bound as in the adapter
cat > "$work/q.sql" <<'SQL'
SELECT id, machine, state, version, data_json, created_at, updated_at FROM ops_workflow WHERE machine = :m AND id ~>=~ :lo AND id ~<~ :hi AND id LIKE :pat ESCAPE '!';
SQL
latency() { # schema, plan_cache_mode -> average latency in ms
  PGOPTIONS="-c search_path=$1 -c plan_cache_mode=$2" pgbench -n -M prepared -t "$n" -f "$work/q.sql" \
    -D m=SM-SMS -D lo=P-1/ -D hi=P-10 -D 'pat=P-1/%' "$db" 2>&1 | awk '/latency average/ {print $4}'
}
echo "load $(cut -d' ' -f1-3 /proc/loadavg); $n executions per cell; average ms per execution"
echo "| plan_cache_mode | empty | year | year ÷ empty |"
echo "|---|---:|---:|---:|"
for mode in auto force_generic_plan force_custom_plan; do
  for _ in 1 2 3; do
    e="$(latency empty "$mode")"; y="$(latency year "$mode")"
    awk -v m="$mode" -v e="$e" -v y="$y" 'BEGIN { printf "| %s | %.3f | %.3f | %.2f |\n", m, e, y, y / e }'
  done
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
# Which plans PostgreSQL's default mode (auto) chose over 20 executions of the prepared statement: the counters do not
# depend on the load. Custom plans mean the statement is planned again on every execution.
echo; echo "| side | generic plans | custom plans (of 20 executions, plan_cache_mode = auto) |"; echo "|---|---:|---:|"
for s in empty year; do
  { echo "SET search_path = $s;"
    echo "PREPARE p AS SELECT id, machine, state, version, data_json, created_at, updated_at FROM ops_workflow"
    echo "  WHERE machine = \$1 AND id ~>=~ \$2 AND id ~<~ \$3 AND id LIKE \$4 ESCAPE '!';"
    for _ in $(seq 1 20); do echo "EXECUTE p('SM-SMS', 'P-1/', 'P-10', 'P-1/%');"; done
    echo "SELECT '| $s | ' || generic_plans || ' | ' || custom_plans || ' |' FROM pg_prepared_statements;"
  } | psql -q -At -d "$db" | tail -1
done
for s in empty year; do
  echo; echo "## $s: the generic plan, then the custom plan"
  psql -q -d "$db" -c "SET search_path = $s" \
    -c "PREPARE p(varchar, varchar, varchar, varchar) AS SELECT id, machine, state, version, data_json, created_at,
        updated_at FROM ops_workflow WHERE machine = \$1 AND id ~>=~ \$2 AND id ~<~ \$3 AND id LIKE \$4 ESCAPE '!'" \
    -c "SET plan_cache_mode = force_generic_plan" -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE p('SM-SMS', 'P-1/', 'P-10', 'P-1/%')" \
    -c "SET plan_cache_mode = force_custom_plan" -c "EXPLAIN (ANALYZE, BUFFERS) EXECUTE p('SM-SMS', 'P-1/', 'P-10', 'P-1/%')"
done
