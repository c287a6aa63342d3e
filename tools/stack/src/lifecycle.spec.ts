import { Lifecycle, StopRequested } from './lifecycle';

describe('Lifecycle', () => {
  const part = (name: string, log: string[]) => ({ stop: async () => void log.push(name) });

  it('stops what started, last started first, once', async () => {
    const log: string[] = [];
    const lifecycle = new Lifecycle();
    await lifecycle.started(part('database', log));
    await lifecycle.started(part('graph', log));
    await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    await lifecycle.stop();
    expect(log).toEqual(['graph', 'database']);
  });

  it('stops a part that comes up after the stop began, after the others, and says so', async () => {
    const log: string[] = [];
    const lifecycle = new Lifecycle();
    await lifecycle.started(part('database', log));
    const stopping = lifecycle.stop();
    await expect(lifecycle.started(part('graph', log))).rejects.toBeInstanceOf(StopRequested);
    await stopping;
    expect(log).toEqual(['database', 'graph']);
    expect(lifecycle.isStopping).toBe(true);
  });
});
