import { chinaTime } from '@courierdesk/domain-sla';
import type { Tariff, WeightRate } from './tariff';
import type { Zone } from './zone';

const rate = (firstFen: number, stepFen: number, stepGrams = 1000): WeightRate => ({ firstWeightGrams: 1000, firstFen, stepGrams, stepFen });

const RATES: Tariff['rates'] = {
  STANDARD: {
    SAME_CITY: rate(800, 200),
    SAME_PROVINCE: rate(1000, 300),
    NEIGHBOURING: rate(1200, 500),
    FAR: rate(1500, 800),
    REMOTE: rate(2000, 1500),
  },
  // Express prices each started half kilo after the first kilo (续重 0.5 kg).
  EXPRESS: {
    SAME_CITY: rate(1300, 150, 500),
    SAME_PROVINCE: rate(1800, 250, 500),
    NEIGHBOURING: rate(2200, 450, 500),
    FAR: rate(2600, 650, 500),
    REMOTE: rate(3200, 1100, 500),
  },
  ECONOMY: {
    SAME_CITY: rate(600, 150),
    SAME_PROVINCE: rate(800, 200),
    NEIGHBOURING: rate(1000, 400),
    FAR: rate(1200, 600),
    REMOTE: rate(1800, 1200),
  } satisfies Record<Zone, WeightRate>,
};

/**
 * The network's tariff from 2026-01-01 (Beijing time). DEMO NUMBERS, not a carrier's published
 * price list: prices in the range Chinese e-commerce express charges (首重 ¥6–32), the common
 * volumetric divisors (8000 for ground products, 6000 for express), 0.5 % insurance with a ¥1
 * minimum, the six north-western and Tibetan provinces as remote, island counties (崇明, 南澳,
 * 嵊泗, 长海, 三沙) with a ¥10 remote-area surcharge, ¥30 for a longest side over 2.5 m, ¥5 per floor
 * carried without a lift for freight of 30 kg and more.
 */
export const TARIFF_2026_1: Tariff = {
  version: 'tariff-2026.1',
  effectiveFrom: chinaTime(2026, 1, 1),
  rates: RATES,
  volumetricDivisor: { STANDARD: 8000, EXPRESS: 6000, ECONOMY: 8000 },
  remoteProvinces: ['15', '54', '62', '63', '64', '65'],
  insurance: { rateBasisPoints: 50, minimumFen: 100 },
  remoteArea: { districtPrefixes: ['310151', '440523', '330922', '210224', '460300'], fen: 1000 },
  oversize: { longestSideOverCm: 250, fen: 3000 },
  upstairs: { freightFromGrams: 30_000, perFloorFen: 500 },
};

/**
 * From 2026-10-01 the city oversize threshold moved from a longest side over 2.5 m to over 3.2 m
 * (the platform rule the field notes cite); nothing else changed. Charging the surcharge on a
 * parcel of 2.5–3.2 m picked up since then is overcharging (乱收费).
 */
export const TARIFF_2026_2: Tariff = {
  ...TARIFF_2026_1,
  version: 'tariff-2026.2',
  effectiveFrom: chinaTime(2026, 10, 1),
  oversize: { longestSideOverCm: 320, fen: 3000 },
};

/** The demo tariff versions, oldest first: the two sides of the oversize change. */
export const DEMO_TARIFFS: readonly Tariff[] = [TARIFF_2026_1, TARIFF_2026_2];
