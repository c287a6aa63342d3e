import type { DataSource } from 'typeorm';
import { validateTariff, type Tariff, type WeightRate } from '@courierdesk/domain-tariff';
import type { ServiceLevel } from '@courierdesk/domain-parcel';
import type { Zone } from '@courierdesk/domain-tariff';
import { isOutletBound, type Identity } from '@courierdesk/platform-auth';
import { trackingError } from '../common/tracking.errors';
import { RuleVersionStore, type Published } from './rule-versions.store';

/** A tariff as stored: everything but its name and start, which are columns. */
type TariffBody = Omit<Tariff, 'version' | 'effectiveFrom'>;

const bodyOf = ({ version: _v, effectiveFrom: _e, ...body }: Tariff): TariffBody => body;

/** The tariff versions' store. */
export const tariffStore = (ds: DataSource): RuleVersionStore<Tariff> =>
  new RuleVersionStore<Tariff>(ds, { table: 'tariff_version', body: 'body', notFound: 'TARIFF_NOT_FOUND' }, (version, effectiveFrom, content) => ({
    ...(content as TariffBody),
    version,
    effectiveFrom,
  }));

/** What a new tariff version changes of the version it is based on; anything absent is copied. */
export interface TariffChanges {
  version: string;
  effectiveFrom: Date;
  /** The version it copies; null for a first version (or a fresh start), which gives everything. */
  basedOn?: string | null;
  rates?: readonly ({ serviceLevel: ServiceLevel; zone: Zone } & WeightRate)[] | null;
  volumetricDivisors?: readonly { serviceLevel: ServiceLevel; divisor: number }[] | null;
  remoteProvinces?: readonly string[] | null;
  insurance?: Tariff['insurance'] | null;
  remoteArea?: { districtPrefixes: readonly string[]; fen: number } | null;
  oversize?: Tariff['oversize'] | null;
  upstairs?: Tariff['upstairs'] | null;
}

/** Publishing tariffs (发布资费): a new version from an existing one, never an edit. */
export class TariffService {
  readonly store: RuleVersionStore<Tariff>;

  constructor(
    ds: DataSource,
    private readonly clock: () => Date,
  ) {
    this.store = tariffStore(ds);
  }

  /**
   * Publishes `changes` over the version it is based on — or, with no base, `changes` alone, which
   * must then give every part (a deployment's first tariff): validated as a whole (INVALID_TARIFF),
   * starting after now (RULE_EFFECTIVE_IN_PAST), under a free name and start (RULE_VERSION_EXISTS).
   * HQ only (RULES_PUBLISH_HQ_ONLY for an outlet-bound token).
   */
  async publish(identity: Identity, changes: TariffChanges): Promise<Published<Tariff>> {
    if (isOutletBound(identity)) throw trackingError('RULES_PUBLISH_HQ_ONLY', 'Tariffs are published by HQ');
    if (changes.effectiveFrom.getTime() <= this.clock().getTime()) {
      throw trackingError('RULE_EFFECTIVE_IN_PAST', 'A new version starts in the future: past quotes and charge checks keep the version they used');
    }
    const base = changes.basedOn ? (await this.store.byName(changes.basedOn)).rule : null;
    const rates = base ? copyRates(base.rates) : ({} as Record<ServiceLevel, Record<Zone, WeightRate>>);
    for (const { serviceLevel, zone, ...rate } of changes.rates ?? []) (rates[serviceLevel] ??= {} as Record<Zone, WeightRate>)[zone] = rate;
    const volumetricDivisor = { ...base?.volumetricDivisor } as Record<ServiceLevel, number>;
    for (const { serviceLevel, divisor } of changes.volumetricDivisors ?? []) volumetricDivisor[serviceLevel] = divisor;
    const remoteArea = changes.remoteArea ?? base?.remoteArea;
    // Without a base every part must be given: validateTariff names the first one missing (INVALID_TARIFF).
    const tariff = validateTariff({
      version: changes.version,
      effectiveFrom: changes.effectiveFrom,
      rates,
      volumetricDivisor,
      remoteProvinces: [...(changes.remoteProvinces ?? base?.remoteProvinces ?? [])],
      insurance: copy(changes.insurance ?? base?.insurance),
      remoteArea: remoteArea && { ...remoteArea, districtPrefixes: [...remoteArea.districtPrefixes] },
      oversize: copy(changes.oversize ?? base?.oversize),
      upstairs: copy(changes.upstairs ?? base?.upstairs),
    } as Tariff);
    await this.store.publish(tariff, bodyOf(tariff), base?.version ?? null, identity.subject);
    return this.store.byName(tariff.version);
  }

  /** Loads tariff versions that ship with the code (demo data, tests) unless present. */
  loadMissing(tariffs: readonly Tariff[], publishedBy: string): Promise<number> {
    return this.store.loadMissing(tariffs.map((t) => validateTariff(t)), bodyOf, publishedBy);
  }
}

/** A copy of a rule part, or undefined when neither the change nor the base has it (validateTariff names it). */
const copy = <T extends object>(part: T | null | undefined): T | undefined => (part ? { ...part } : undefined);

function copyRates(rates: Tariff['rates']): Record<ServiceLevel, Record<Zone, WeightRate>> {
  return Object.fromEntries(
    Object.entries(rates).map(([level, byZone]) => [level, Object.fromEntries(Object.entries(byZone).map(([zone, rate]) => [zone, { ...rate }]))]),
  ) as Record<ServiceLevel, Record<Zone, WeightRate>>;
}
