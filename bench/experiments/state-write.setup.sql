DROP SCHEMA IF EXISTS exp CASCADE; CREATE SCHEMA exp; SET search_path=exp;
CREATE TABLE wide (
 waybill_no text PRIMARY KEY, service_level text, origin_district_code text, destination_district_code text, lane_key text,
 sender_name text, sender_phone text, sender_address text, recipient_name text, recipient_phone text, recipient_address text,
 origin_outlet_id uuid, destination_outlet_id uuid, weight_grams int, declared_value_fen bigint, insured_value_fen bigint, freight_fen bigint,
 created_at timestamptz, status text, progress text, on_return bool, event_count int, last_scan_at timestamptz, last_event_type text, last_event_at timestamptz,
 current_place_kind text, current_place_id uuid, current_courier_id uuid, picked_up_at timestamptz, signed_at timestamptz, signer_kind text, signer_name text,
 collected_at timestamptz, returned_at timestamptz, failed_attempts int, last_failure_outlet_id uuid, open_departure_at timestamptz, signed_scan_at timestamptz,
 signed_outlet_id uuid, first_out_for_delivery_at timestamptz, watch_places uuid[], watch_from timestamptz);
INSERT INTO wide SELECT 'CD'||lpad(i::text,12,'0'),'STANDARD','110101','440300','110101-440300','张三','13800001111','北京市东城区东华门大街'||i||'号','李四','13900002222','广东省深圳市南山区科技园路'||i||'号',
 gen_random_uuid(), gen_random_uuid(), 1200, 10000, 0, 1200, now() - (i||' seconds')::interval, 'IN_TRANSIT','IN_TRANSIT',false,3, now(),'ARRIVED_AT_HUB',now(),'HUB',gen_random_uuid(),null,now(),null,null,null,null,null,0,null,null,null,null,null, ARRAY[gen_random_uuid()], now()+interval '72 hours'
 FROM generate_series(1,125000) i;
CREATE INDEX ON wide (created_at, waybill_no); CREATE INDEX ON wide (origin_outlet_id, created_at, waybill_no); CREATE INDEX ON wide (destination_outlet_id, created_at, waybill_no);
CREATE INDEX ON wide (current_place_id, created_at, waybill_no) WHERE current_place_id IS NOT NULL; CREATE INDEX ON wide (status, created_at, waybill_no);
CREATE INDEX ON wide (last_scan_at, waybill_no) WHERE last_scan_at IS NOT NULL; CREATE INDEX ON wide (watch_from, waybill_no) WHERE watch_from IS NOT NULL;
CREATE INDEX ON wide USING gin (watch_places) WHERE watch_from IS NOT NULL;
CREATE TABLE narrow AS SELECT waybill_no, created_at, status, progress, on_return, event_count, last_scan_at, last_event_type, last_event_at, current_place_kind, current_place_id, current_courier_id, picked_up_at, signed_at, signer_kind, signer_name, collected_at, returned_at, failed_attempts, last_failure_outlet_id, open_departure_at, signed_scan_at, signed_outlet_id, first_out_for_delivery_at, watch_places, watch_from FROM wide;
ALTER TABLE narrow ADD PRIMARY KEY (waybill_no);
CREATE INDEX ON narrow (current_place_id, created_at, waybill_no) WHERE current_place_id IS NOT NULL; CREATE INDEX ON narrow (status, created_at, waybill_no);
CREATE INDEX ON narrow (last_scan_at, waybill_no) WHERE last_scan_at IS NOT NULL; CREATE INDEX ON narrow (watch_from, waybill_no) WHERE watch_from IS NOT NULL;
CREATE INDEX ON narrow USING gin (watch_places) WHERE watch_from IS NOT NULL;
CREATE TABLE hot WITH (fillfactor=50) AS SELECT * FROM narrow; ALTER TABLE hot ADD PRIMARY KEY (waybill_no);
VACUUM ANALYZE;
