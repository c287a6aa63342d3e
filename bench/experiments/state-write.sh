#!/usr/bin/env bash
# What one scan's state write costs, by table design (results in bench/experiments/README.md).
# Four copies of 125,000 waybill rows, each UPDATEd 1,000 rows per statement by 3 pgbench clients
# for 15 s, in one run, with the same state change recordScans makes (status, place, last scan, watch):
#   wide    the waybill table as migrated: parties and money on the row, PK + 8 secondary indexes
#   narrow  the state columns alone: PK + the 5 indexes on state (status, place, last scan, watch x2)
#   n3      the state columns alone: PK + 3 of those indexes
#   hot     the state columns alone, fillfactor 50, PK only: every update is HOT
# Needs psql and pgbench on PATH and a server you may create a schema `exp` on:
#   PGHOST=127.0.0.1 PGUSER=postgres bench/experiments/state-write.sh
set -euo pipefail
export PGOPTIONS='-c client_min_messages=warning'
here=$(cd "$(dirname "$0")" && pwd)
psql -q -v ON_ERROR_STOP=1 -f "$here/state-write.setup.sql"
psql -q -v ON_ERROR_STOP=1 -c "SET search_path=exp; CREATE TABLE n3 WITH (fillfactor=70) AS SELECT * FROM narrow; ALTER TABLE n3 ADD PRIMARY KEY (waybill_no);
  CREATE INDEX ON n3 (status, created_at, waybill_no); CREATE INDEX ON n3 (current_place_id, created_at, waybill_no) WHERE current_place_id IS NOT NULL;
  CREATE INDEX ON n3 (watch_from, waybill_no) WHERE watch_from IS NOT NULL;"
psql -q -c "VACUUM ANALYZE exp.n3"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; psql -q -c "DROP SCHEMA exp CASCADE"' EXIT
declare -A tps
for table in wide narrow n3 hot; do
  cat > "$tmp/$table.sql" <<SQL
SET search_path=exp;
\set off random(0, 120000)
UPDATE $table w SET status = CASE w.status WHEN 'IN_TRANSIT' THEN 'ARRIVED_AT_OUTLET' ELSE 'IN_TRANSIT' END, progress = 'ARRIVED_AT_OUTLET',
  event_count = w.event_count + 1, last_scan_at = clock_timestamp(), last_event_type = 'ARRIVED_AT_OUTLET', last_event_at = clock_timestamp(),
  current_place_kind = 'OUTLET', current_place_id = gen_random_uuid(), watch_places = ARRAY[gen_random_uuid()], watch_from = clock_timestamp() + interval '72 hours'
 FROM (SELECT 'CD' || lpad((i * 97 % 125000 + 1)::text, 12, '0') AS no FROM generate_series(:off, :off + 999) i) v WHERE w.waybill_no = v.no;
SQL
  tps[$table]=$(pgbench -n -f "$tmp/$table.sql" -c 3 -j 3 -T 15 "${PGDATABASE:-postgres}" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  printf '%-7s %8.1f statements/s = %7.0f state writes/s\n' "$table" "${tps[$table]}" "$(echo "${tps[$table]} * 1000" | bc)"
done
for table in narrow n3 hot; do printf '%-7s ÷ wide = %.2f\n' "$table" "$(echo "${tps[$table]} / ${tps[wide]}" | bc -l)"; done
