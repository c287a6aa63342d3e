import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocalKeys } from '@courierdesk/platform-auth';
import { dataDir, startDatabase } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { DEFAULT_DEMO_PROVINCES } from '@courierdesk/seed';
import { Lifecycle } from './lifecycle';
import { startStack } from './stack';

const HELP = `npm start [-- options]

Starts PostgreSQL (embedded under .data/, or DATABASE_URL), migrates, loads demo data on the
first start, runs every subgraph and the gateway, and prints the URL and ready-made tokens.

  --provinces <codes|all>  demo provinces for the first start (default ${DEFAULT_DEMO_PROVINCES.join(',')}; all = whole country)
  --waybills <n>           demo waybills with scan histories for the first start (default 3000)
  --port <n>               gateway port (default 4000; subgraphs use the next ports)
  --no-demo                never load demo data
Environment: DATABASE_URL, LOG_LEVEL (default warn), EMBEDDED_PG_PORT (default 54320),
COURIERDESK_DATA_DIR (default .data: the embedded cluster, local keys and tokens).

Ctrl-C, SIGTERM or SIGHUP stop it in order: the gateway and the subgraphs finish the requests
they hold, then PostgreSQL stops.`;

/** How long a stop may take before the process exits anyway (each service drains for up to 10 s). */
const STOP_DEADLINE_MS = 30_000;

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      provinces: { type: 'string' },
      port: { type: 'string', default: '4000' },
      'no-demo': { type: 'boolean', default: false },
      waybills: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const logger = createLogger('stack', process.env.LOG_LEVEL ?? 'warn');
  const gatewayPort = Number(values.port);
  const provinces = values.provinces === 'all' ? 'all' : values.provinces ? values.provinces.split(',').map((p) => p.trim()) : undefined;

  // Signals are handled from the very start: the embedded PostgreSQL runs in a process group of
  // its own and leaves them to us (stopOnSignals: 'caller'), so whatever is up is stopped here,
  // in order. A second signal (npm forwards the terminal's Ctrl-C, which also reached us) is
  // part of the same stop.
  const lifecycle = new Lifecycle();
  let running = false;
  for (const signal of Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]) {
    process.on(signal, () => {
      if (lifecycle.isStopping) return;
      const started = Date.now();
      const interrupted = !running;
      console.log(`\n${signal}: stopping the gateway, subgraphs and database…`);
      setTimeout(() => {
        console.error(`Courierdesk did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting.`);
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      lifecycle.stop().then(
        () => {
          console.log(`Courierdesk stopped (${((Date.now() - started) / 1000).toFixed(1)} s).`);
          process.exit(interrupted ? 128 + SIGNAL_NUMBERS[signal] : 0);
        },
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }

  console.log('Starting Courierdesk…');
  const start = async () => {
    const database = await lifecycle.started(await startDatabase({ logger, dataDir: join(dataDir(), 'postgres'), stopOnSignals: 'caller' }));
    const keys = await loadLocalKeys(dataDir());
    const stack = await lifecycle.started(
      await startStack({
        databaseUrl: database.url,
        keys,
        logger,
        gatewayPort,
        networkPort: gatewayPort + 1,
        trackingPort: gatewayPort + 2,
        ticketsPort: gatewayPort + 3,
        claimsPort: gatewayPort + 4,
        demo: values['no-demo'] ? false : { provinces, waybills: values.waybills ? Number(values.waybills) : undefined },
      }),
    );
    return { database, stack };
  };
  const started = await start().catch(async (err) => {
    // A signal stopped the start (its handler finishes the stop and exits), or the start failed.
    if (lifecycle.isStopping) return undefined;
    await lifecycle.stop();
    throw err;
  });
  if (!started) return;
  const { database, stack } = started;
  running = true;

  const ide = stack.gatewayUrl.replace(/\/graphql$/, '/');
  const tokensFile = join(dataDir(), 'tokens.env');
  writeFileSync(
    tokensFile,
    `# Demo tokens minted by npm start (valid 8 hours). Use: source ${tokensFile}\n` +
      `AGENT_TOKEN=${stack.tokens.agent}\nPARTNER_TOKEN=${stack.tokens.partner}\nCLAIMS_MANAGER_TOKEN=${stack.tokens.claimsManager}\nANALYST_TOKEN=${stack.tokens.analyst}\nADMIN_TOKEN=${stack.tokens.admin}\n`,
    { mode: 0o600 },
  );
  // Since the process began (module loading included): what a person waits for.
  const seconds = process.uptime().toFixed(1);
  const { network, tracking, tickets, claims, everyday } = stack.seeded;
  const loaded = [
    network && `${network.transitCentres} transit centres, ${network.outlets} outlets, ${network.couriers} couriers, ${network.deliveryAreas} delivery areas`,
    tracking && `${tracking.waybills} waybills with ${tracking.events} scan events`,
    tickets &&
      `${tickets.tickets} tickets (${Object.entries(tickets.byKind).map(([kind, n]) => `${n} ${kind.toLowerCase().replace(/_/g, ' ')}`).join(', ')}; ` +
        `${tickets.repeatUrges} repeat urges counted, ${tickets.resolved} resolved, ${tickets.merged} merged)`,
    claims &&
      `${claims.claims} claims (${Object.entries(claims.byKind).map(([kind, n]) => `${n} ${kind.toLowerCase().replace(/_/g, ' ')}`).join(', ')}; ` +
        `${claims.decided} decided, ${claims.approved} approved, ${claims.paid} paid; ${claims.arbitrations} disputed fine under arbitration)`,
    everyday &&
      `${everyday.tariffs} tariff versions, ${everyday.catalogues} prohibited-items catalogue` +
        (everyday.overcharged ? `; overcharged waybill ${everyday.overcharged.waybillNo} with its complaint ${everyday.overcharged.ticketNumber}` : '') +
        (everyday.overchargeClaim ? ` and its refund claim ${everyday.overchargeClaim.number} (paid)` : '') +
        (everyday.headless ? `; ${everyday.headless.parcels} headless parcels around lost waybill ${everyday.headless.waybillNo}, searched` : ''),
  ].filter(Boolean);
  const seeded = loaded.length > 0 ? `loaded now: ${loaded.join('; ')}` : 'already loaded (kept from an earlier start)';
  console.log(`
Courierdesk graph is running (ready in ${seconds} s).

  Gateway   ${stack.gatewayUrl}
  IDE       ${ide}#token=${stack.tokens.agent}
  Database  ${database.embedded ? `embedded PostgreSQL, data in ${join(dataDir(), 'postgres')}` : 'DATABASE_URL'}
  Demo data ${seeded}

Tokens (valid 8 hours; also in ${tokensFile}):
  agent (HQ customer service):
    ${stack.tokens.agent}
  partner outlet ${stack.tokens.partnerOutlet.code} ${stack.tokens.partnerOutlet.name}:
    ${stack.tokens.partner}

First query:
  source ${tokensFile}
  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $AGENT_TOKEN" \\
    -d '{"query":"{ outlets(first: 3) { edges { node { code name kind } } } }"}'

Ctrl-C stops everything.`);

}

main().catch((err) => {
  console.error('Courierdesk failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
