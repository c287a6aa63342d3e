import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { waybillSequence } from '@courierdesk/domain-parcel';
import { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from '@courierdesk/network';
import { createDataSource, initializeDataSource, redactUrl, startDatabase } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { TRACKING_DB_SCHEMA, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from '@courierdesk/tracking';
import { loadNetworkDemo, networkIsEmpty } from './load-network-demo';
import { loadTrackingDemo, trackingIsEmpty } from './load-tracking-demo';
import { loadRuleVersions } from './load-everyday-demo';
import { DEFAULT_DEMO_PROVINCES, generateNetworkDemo } from './network-demo';
import type { NetworkDemo } from './network-demo.types';
import { generateTrackingDemo } from './tracking-demo';
import { loadTrackingVolume } from './tracking-volume';

const HELP = `npm run seed -- [options]

Loads demo or benchmark data into the database (migrating the network and tracking schemas first).

  --network                   load the demo network (outlets, couriers, areas) when the directory is empty
  --replace                   with --network: replace a directory that is already loaded
  --provinces <codes|all>     demo provinces (default ${DEFAULT_DEMO_PROVINCES.join(',')})
  --tracking-demo <n>         load n demo waybills with their scan histories (3000 is what npm start loads)
  --tracking-volume <n>       volume mode: stream at least n waybills with COPY (e.g. 1000000)
  --events-per-waybill <k>    with --tracking-volume: at least n × k scan events (default 8)
  --defer-indexes             with --tracking-volume: rebuild the waybill table's secondary indexes after the load
  --first-sequence <n>        first waybill sequence (default: after the highest already loaded)
  --seed <n>                  random seed (default 1)
  --days <n>                  waybills are created within n days before now (default 30)
  --now <ISO time>            the clock of the histories (default: now)
  --database-url <url>        default DATABASE_URL, else the embedded PostgreSQL under .data/postgres

The network demo is regenerated from --provinces for the tracking data: pass the provinces it was loaded with.
Examples:
  npm run seed -- --network --provinces 44
  npm run seed -- --tracking-volume 1000000 --events-per-waybill 8`;

const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${value}`);
  return n;
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Loads the network demo when the directory is empty (or --replace), and checks it is the demo these provinces give. */
async function ensureNetwork(ds: DataSource, demo: NetworkDemo, replace: boolean, asked: boolean): Promise<void> {
  if (replace) {
    await ds.query(`TRUNCATE ${['contact', 'area_assignment', 'delivery_area', 'courier', 'outlet', 'transit_centre'].map((t) => `"${NETWORK_DB_SCHEMA}".${t}`).join(', ')}`);
  }
  if (await networkIsEmpty(ds)) {
    const started = Date.now();
    const counts = await loadNetworkDemo(ds, demo);
    console.log(`network: loaded ${counts.outlets} outlets, ${counts.couriers} couriers, ${counts.deliveryAreas} delivery areas in ${seconds(Date.now() - started)}`);
    return;
  }
  const [{ present }] = await ds.query(`SELECT count(*)::int AS present FROM "${NETWORK_DB_SCHEMA}".outlet WHERE id = ANY($1::uuid[])`, [demo.outlets.map((o) => o.id)]);
  if (present !== demo.outlets.length) {
    throw new Error(
      `the network directory is not the demo of provinces ${demo.options.provinces.join(',')} (${present} of its ${demo.outlets.length} outlets found): ` +
        'pass the --provinces it was loaded with, or reload it with --network --replace',
    );
  }
  if (asked) console.log(`network: already loaded (${demo.outlets.length} outlets); --replace to load it again`);
}

/** The sequence after the highest waybill number loaded, so volume loads append. */
async function nextSequence(ds: DataSource): Promise<number> {
  const [row] = await ds.query(`SELECT max(waybill_no) AS last FROM "${TRACKING_DB_SCHEMA}".waybill`);
  return row.last ? waybillSequence(row.last) + 1 : 1;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      network: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      provinces: { type: 'string' },
      'tracking-demo': { type: 'string' },
      'tracking-volume': { type: 'string' },
      'events-per-waybill': { type: 'string', default: '8' },
      'defer-indexes': { type: 'boolean', default: false },
      'first-sequence': { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      now: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const demoWaybills = number(values['tracking-demo'], 'tracking-demo');
  const volumeWaybills = number(values['tracking-volume'], 'tracking-volume');
  if (values.help || (!values.network && demoWaybills === undefined && volumeWaybills === undefined)) {
    console.log(HELP);
    return;
  }
  const logger = createLogger('seed', process.env.LOG_LEVEL ?? 'warn');
  const provinces = values.provinces === 'all' ? 'all' : values.provinces ? values.provinces.split(',').map((p) => p.trim()) : undefined;
  const seed = number(values.seed, 'seed');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a time: ${values.now}`);

  if (values['database-url']) process.env['DATABASE_URL'] = values['database-url'];
  const database = await startDatabase({ logger });
  console.log(`database: ${database.embedded ? 'embedded PostgreSQL under .data/postgres' : redactUrl(database.url)}`);
  const network = createDataSource({ url: database.url, schema: NETWORK_DB_SCHEMA, entities: NETWORK_ENTITIES, migrations: NETWORK_MIGRATIONS, applicationName: 'courierdesk-seed' });
  const tracking = createDataSource({
    url: database.url,
    schema: TRACKING_DB_SCHEMA,
    entities: TRACKING_ENTITIES,
    migrations: TRACKING_MIGRATIONS,
    applicationName: 'courierdesk-seed',
    statementTimeoutMs: 0,
  });
  try {
    await initializeDataSource(network, logger);
    await initializeDataSource(tracking, logger);
    const networkDemo = generateNetworkDemo({ provinces, seed });
    await ensureNetwork(network, networkDemo, values.replace, values.network);
    // The library's tariff versions and catalogue, unless present (published versions are never replaced).
    const rules = await loadRuleVersions(tracking);
    if (rules.tariffs + rules.catalogues > 0) console.log(`rules: ${rules.tariffs} tariff versions, ${rules.catalogues} prohibited-items catalogue added`);
    const firstSequence = number(values['first-sequence'], 'first-sequence') ?? (await nextSequence(tracking));
    const days = number(values.days, 'days');

    if (demoWaybills !== undefined) {
      if (!(await trackingIsEmpty(tracking))) throw new Error('--tracking-demo loads into an empty tracking schema; use --tracking-volume to add more');
      const started = Date.now();
      const demo = generateTrackingDemo(networkDemo, { waybills: demoWaybills, seed, now, days, firstSequence });
      const counts = await loadTrackingDemo(tracking, demo);
      console.log(`tracking demo: ${counts.waybills} waybills, ${counts.events} scan events, ${counts.laneTransitTimes} lane samples in ${seconds(Date.now() - started)}`);
    }
    if (volumeWaybills !== undefined) {
      const eventsPerWaybill = number(values['events-per-waybill'], 'events-per-waybill') ?? 8;
      console.log(`tracking volume: at least ${volumeWaybills.toLocaleString('en')} waybills and ${(volumeWaybills * eventsPerWaybill).toLocaleString('en')} scan events, from sequence ${firstSequence}…`);
      const result = await loadTrackingVolume({
        databaseUrl: database.url,
        network: networkDemo,
        waybills: volumeWaybills,
        events: Math.ceil(volumeWaybills * eventsPerWaybill),
        firstSequence,
        seed,
        now,
        days,
        deferIndexes: values['defer-indexes'],
        onProgress: (p) => console.log(`  ${p.waybills.toLocaleString('en')} waybills, ${p.events.toLocaleString('en')} events, ${seconds(p.elapsedMs)}`),
      });
      console.log(
        `tracking volume: ${result.waybills.toLocaleString('en')} waybills, ${result.events.toLocaleString('en')} scan events, ` +
          `${result.laneTransitTimes.toLocaleString('en')} lane samples in ${seconds(result.totalMs)} ` +
          `(COPY ${seconds(result.copyMs)} = ${Math.round(result.events / (result.copyMs / 1000)).toLocaleString('en')} events/s, ` +
          `indexes ${seconds(result.indexMs)}, ANALYZE ${seconds(result.analyzeMs)})`,
      );
    }
  } finally {
    if (network.isInitialized) await network.destroy();
    if (tracking.isInitialized) await tracking.destroy();
    await database.stop();
  }
}

main().catch((err) => {
  console.error('seed failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
