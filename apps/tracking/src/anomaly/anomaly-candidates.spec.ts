import { DEFAULT_ANOMALY_POLICY } from '@courierdesk/domain-parcel';
import { chinaTime, DEFAULT_PEAK_SEASON_POLICY, hoursBetween, stallThresholdHours } from '@courierdesk/domain-sla';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyPolicies } from '@courierdesk/domain-parcel';
import { anomalyCandidatesSql, notYetOverdue } from './anomaly-candidates';

const HOUR = 3_600_000;
const overdue = (from: Date, now: Date, base: number) => hoursBetween(from, now) > stallThresholdHours(from, DEFAULT_PEAK_SEASON_POLICY, base).hours;
const inBands = (at: Date, bands: { from: Date; to: Date }[]) => bands.some((b) => b.from <= at && at < b.to);

describe('notYetOverdue: the peak-season band left out of the SQL candidates', () => {
  // Quiet March; inside 双十一 (×1.5); 双十二 (+24 h); the weeks around 春节 2025 (×2); just after 双十一 ends.
  it.each([chinaTime(2024, 3, 20, 12), chinaTime(2024, 11, 12, 8), chinaTime(2024, 12, 15, 18), chinaTime(2025, 2, 3, 9), chinaTime(2024, 11, 23, 0)])(
    'at %s, for 24, 48 and 72 h: exactly the instants past the base but not past the stretched threshold',
    (now) => {
      for (const base of [24, 48, 72]) {
        const bands = notYetOverdue(now, base, DEFAULT_ANOMALY_POLICIES);
        // Every instant from 8 days before now to the base before it, each quarter hour.
        for (let t = now.getTime() - 8 * 24 * HOUR; t < now.getTime() - base * HOUR; t += HOUR / 4) {
          const from = new Date(t);
          expect({ from: from.toISOString(), base, excluded: inBands(from, bands) }).toEqual({ from: from.toISOString(), base, excluded: !overdue(from, now, base) });
        }
      }
    },
  );

  it('leaves nothing out when a policy version does not stretch in peaks', () => {
    const policies: AnomalyPolicies = { ...DEFAULT_ANOMALY_POLICIES, anomaly: [{ ...DEFAULT_ANOMALY_POLICY, stretchInPeakSeason: false }] };
    expect(notYetOverdue(chinaTime(2024, 11, 12, 8), 72, policies)).toEqual([]);
  });

  it('names every code’s condition with bound parameters only', () => {
    const params: unknown[] = [];
    const sql = anomalyCandidatesSql([], chinaTime(2024, 11, 12, 8), DEFAULT_ANOMALY_POLICIES, (value, type) => {
      params.push(value);
      return `$${params.length}::${type}`;
    });
    expect(sql).toMatch(/current_place_kind = 'HUB'[\s\S]*current_place_kind = 'OUTLET'[\s\S]*progress = 'CREATED'[\s\S]*failed_attempts >= \$\d+::int[\s\S]*signer_kind = ANY\(\$\d+::text\[\]\)/);
    expect(params).toContainEqual(DEFAULT_ANOMALY_POLICY.repeatedFailureCount);
  });
});
