import { createLogger } from '@courierdesk/platform-subgraph';
import { startEscalationSweeps, type EscalationSweeper, type SweepReport } from './escalation-sweeper';

const REPORT: SweepReport = { examined: 0, escalated: 0, steps: 0, withoutContacts: 0 };
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sweeper that takes `ms` per sweep and counts how many run at once. */
function slowSweeper(ms: number) {
  const seen = { started: 0, finished: 0, atOnce: 0, running: 0 };
  const sweeper = {
    async sweep() {
      seen.started++;
      seen.running++;
      seen.atOnce = Math.max(seen.atOnce, seen.running);
      await tick(ms);
      seen.running--;
      seen.finished++;
      return REPORT;
    },
  } as unknown as EscalationSweeper;
  return { sweeper, seen };
}

describe('startEscalationSweeps', () => {
  const logger = createLogger('sweep-test', 'silent');

  it('sweeps on every tick, never two at once, and stop() waits for the sweep under way', async () => {
    const { sweeper, seen } = slowSweeper(60);
    const timer = startEscalationSweeps(sweeper, 10, logger);
    await tick(200);
    await timer.stop();
    expect(seen.started).toBeGreaterThanOrEqual(2);
    expect(seen.atOnce).toBe(1);
    expect(seen.finished).toBe(seen.started);
    const after = seen.started;
    await tick(50);
    expect(seen.started).toBe(after);
  });

  it('keeps sweeping after a failed sweep', async () => {
    let calls = 0;
    const sweeper = {
      async sweep() {
        calls++;
        if (calls === 1) throw new Error('database gone for a moment');
        return REPORT;
      },
    } as unknown as EscalationSweeper;
    const timer = startEscalationSweeps(sweeper, 10, logger);
    await tick(80);
    await timer.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
