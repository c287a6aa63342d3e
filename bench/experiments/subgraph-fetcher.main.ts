import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher } from '@courierdesk/gateway';

/*
 * What one gateway → subgraph call costs in the HTTP client, by client, in one run:
 * Node's global fetch with an AbortSignal.timeout per call (the gateway's fetcher before) against
 * the gateway's fetcher now (undici's request API on a keep-alive pool). A local server answers
 * every POST with a lookup-sized JSON body; client and server share this process, so the CPU
 * figure is both sides of the call, as in `npm run bench`.
 *
 *   node -r @swc-node/register bench/experiments/subgraph-fetcher.main.ts [calls]
 */
const calls = Number(process.argv[2] ?? 5000);
const reply = JSON.stringify({
  data: { waybill: { status: 'DELIVERED', timeline: Array.from({ length: 8 }, (_, i) => ({ type: 'ARRIVED_AT_HUB', eventTime: new Date(0).toISOString(), location: { __typename: 'TransitCentre', id: `tc-${i}` } })) } },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(reply));
});

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const body = JSON.stringify({ query: 'query ($no: String!) { waybill(waybillNo: $no) { status } }', variables: { no: 'CD000000000018' } });
  const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(400)}` }, body };
  const fetcher = createSubgraphFetcher('bench', { timeoutMs: 10_000, breakerFailures: 1000, breakerHalfOpenAfterMs: 1000, maxResponseBytes: 8 * 1024 * 1024 }) as unknown as (u: string, i: typeof init) => Promise<{ json(): Promise<unknown> }>;
  const clients: [string, () => Promise<unknown>][] = [
    ['global fetch + AbortSignal.timeout', async () => (await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })).json()],
    ['gateway fetcher (undici request)', async () => (await fetcher(url, init)).json()],
  ];
  const cpu: number[] = [];
  for (const [name, call] of clients) {
    for (let i = 0; i < Math.min(1000, calls); i++) await call();
    const before = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await call();
    const used = process.cpuUsage(before);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    cpu.push((used.user + used.system) / 1000 / calls);
    console.log(`${name.padEnd(36)} ${(wallMs / calls).toFixed(3)} ms per call, ${cpu[cpu.length - 1].toFixed(3)} ms CPU per call`);
  }
  console.log(`CPU per call, fetch ÷ gateway fetcher: ${(cpu[0] / cpu[1]).toFixed(1)} ×`);
  server.close();
  process.exit(0);
});
