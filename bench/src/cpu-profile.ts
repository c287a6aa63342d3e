import { Session } from 'node:inspector/promises';

/** Share of the process's CPU samples, by area of the code. */
export interface CpuBreakdown {
  /** Sampled wall time, ms. */
  sampledMs: number;
  areas: { area: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  top: { fn: string; ms: number; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Checked in order: the first match names the area. Everything runs in one process in the benchmark
// (gateway, subgraphs, clients), so the split says which layer the Node.js thread spends itself on.
const AREAS: readonly [string, RegExp][] = [
  ['gateway (@apollo/gateway, query planner, federation)', /node_modules\/@apollo\/(gateway|query-planner|federation-internals|composition)\//],
  ['Apollo Server + express (HTTP, request pipeline)', /node_modules\/(@apollo\/server|@apollo\/utils|@as-integrations|express|body-parser|router|raw-body|iconv-lite|@escape\.tech|@envelop|cockatiel)\//],
  ['@apollo/subgraph', /node_modules\/@apollo\/subgraph\//],
  ['graphql-js (parse, validate, execute, coerce)', /node_modules\/graphql\//],
  ['type-graphql', /node_modules\/type-graphql\//],
  ['JWT (jose)', /node_modules\/jose\//],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)\//],
  ['TypeORM', /node_modules\/typeorm\//],
  ['dataloader', /node_modules\/dataloader\//],
  ['HTTP client (undici fetch)', /undici/],
  ['tracking subgraph code (apps/tracking)', /apps\/tracking\//],
  ['domain rules (libs/domain)', /libs\/domain\//],
  ['platform libs', /libs\/platform\//],
  ['gateway app code (apps/gateway)', /apps\/gateway\//],
  ['benchmark harness (bench, tools/seed)', /(\/bench\/|tools\/seed\/)/],
  ['Node.js internals (net, http, streams, crypto)', /^node:/],
];

function areaOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(idle)') return 'idle (waiting for I/O: PostgreSQL, sockets)';
  if (frame.functionName === '(program)') return 'V8/native (program)';
  if (!frame.url) return /JSON|stringify|parse/i.test(frame.functionName) ? 'JSON (native)' : 'native builtins';
  return AREAS.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? 'other JS';
}

/** Samples the CPU of this process while `fn` runs, and sums self time by area. */
export async function profileCpu<T>(fn: () => Promise<T>): Promise<{ result: T; breakdown: CpuBreakdown }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let profile: Profile | undefined;
  try {
    const result = await fn();
    ({ profile } = (await session.post('Profiler.stop')) as { profile: Profile });
    return { result, breakdown: summarise(profile) };
  } finally {
    if (!profile) await session.post('Profiler.stop').catch(() => undefined);
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

function summarise(profile: Profile): CpuBreakdown {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)!.callFrame;
    total += us;
    const area = areaOf(frame);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
    const fn = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  });
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ k, ms: us / 1000, share: total ? us / total : 0 }));
  return {
    sampledMs: total / 1000,
    areas: rows(byArea).map(({ k, ms, share }) => ({ area: k, ms, share })),
    top: rows(byFn).slice(0, 20).map(({ k, ms, share }) => ({ fn: k, ms, share })),
  };
}
