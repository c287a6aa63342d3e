import { neighboursOf, zoneOf } from './zone';
import { TARIFF_2026_1 } from './tariff.versions';

const remote = TARIFF_2026_1.remoteProvinces;

describe('zoneOf', () => {
  it.each([
    ['440305', '440306', 'SAME_CITY', '南山 → 宝安: one city'],
    ['110101', '110108', 'SAME_CITY', 'Beijing districts'],
    ['310101', '310151', 'SAME_CITY', 'Shanghai to 崇明: a municipality is one city'],
    ['440305', '440300', 'SAME_CITY', 'a city code prices like its districts'],
    ['440305', '440106', 'SAME_PROVINCE', '深圳 → 广州'],
    ['650102', '650200', 'SAME_PROVINCE', 'inside a remote province: not REMOTE'],
    ['650102', '650104', 'SAME_CITY', 'inside a remote city'],
    ['440305', '450102', 'NEIGHBOURING', '广东 → 广西'],
    ['440305', '460105', 'NEIGHBOURING', '广东 → 海南 across the strait'],
    ['310101', '320102', 'NEIGHBOURING', '上海 → 江苏'],
    ['110101', '440305', 'FAR', '北京 → 深圳'],
    ['440305', '650102', 'REMOTE', 'to 新疆'],
    ['650102', '440305', 'REMOTE', 'from 新疆'],
    ['620102', '650102', 'REMOTE', 'neighbouring, but remote wins'],
    ['110101', '540102', 'REMOTE', 'to 西藏'],
  ])('%s → %s is %s', (origin, destination, zone) => {
    expect(zoneOf(origin, destination, remote)).toBe(zone);
  });

  it('the same pair is FAR when the tariff lists no remote provinces', () => {
    expect(zoneOf('110101', '650102', [])).toBe('FAR');
  });

  it('borders are symmetric and every province but the islands and SARs has one', () => {
    for (const p of ['11', '13', '15', '31', '44', '46', '50', '54', '65']) {
      for (const n of neighboursOf(p)) expect(neighboursOf(n)).toContain(p);
      expect(neighboursOf(p).length).toBeGreaterThan(0);
    }
    expect(neighboursOf('71')).toEqual([]);
  });

  it.each([
    ['440000', 'DISTRICT_CODE_REQUIRED'],
    ['44030', 'INVALID_DISTRICT_CODE'],
    ['990101', 'INVALID_DISTRICT_CODE'],
  ])('%s is refused with %s', (code, error) => {
    expect(() => zoneOf('440305', code, remote)).toThrow(expect.objectContaining({ code: error }));
  });
});
