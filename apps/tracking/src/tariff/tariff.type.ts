import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { SERVICE_LEVELS, ServiceLevel } from '@courierdesk/domain-parcel';
import { ZONES, Zone, type Tariff as DomainTariff } from '@courierdesk/domain-tariff';
import { listSize } from '@courierdesk/platform-subgraph';
import type { Published } from './rule-versions.store';

/** Most remote provinces or remote-area prefixes a tariff lists (the 34 provinces; a few hundred counties at most). */
export const MAX_TARIFF_PREFIXES = 500;
/** Versions the gateway assumes a list of tariff or catalogue versions holds. */
export const ASSUMED_RULE_VERSIONS = 20;

@ObjectType('TariffRate', { description: 'Weight pricing of one service level in one zone (首重/续重).' })
export class TariffRate {
  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field(() => Zone)
  zone: Zone;

  @Field(() => Int, { description: 'Weight the first price covers (首重).' })
  firstWeightGrams: number;

  @Field(() => Int)
  firstFen: number;

  @Field(() => Int, { description: 'Each additional started step (续重单位).' })
  stepGrams: number;

  @Field(() => Int)
  stepFen: number;
}

@ObjectType('VolumetricDivisor', { description: 'Volumetric divisor (抛比) of a service level: volumetric kg = L × W × H (cm³) ÷ divisor.' })
export class VolumetricDivisor {
  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field(() => Int)
  divisor: number;
}

@ObjectType('InsuranceRule', { description: 'Insurance fee (保价费): a share of the insured value with a minimum.' })
export class InsuranceRule {
  @Field(() => Int, { description: 'Share in basis points (1/10000): 50 = 0.5 %.' })
  rateBasisPoints: number;

  @Field(() => Int)
  minimumFen: number;
}

@ObjectType('RemoteAreaRule', { description: 'Remote-area surcharge (偏远附加费) for destinations under listed division prefixes.' })
export class RemoteAreaRule {
  @Directive(listSize(MAX_TARIFF_PREFIXES))
  @Field(() => [String], { description: 'Division code prefixes of 2, 4 or 6 digits.' })
  districtPrefixes: string[];

  @Field(() => Int)
  fen: number;
}

@ObjectType('OversizeRule', { description: 'Oversize surcharge (超长附加费) when the longest side is strictly over the threshold.' })
export class OversizeRule {
  @Field(() => Int)
  longestSideOverCm: number;

  @Field(() => Int)
  fen: number;
}

@ObjectType('UpstairsRule', { description: 'Carrying upstairs without a lift (上楼费), per floor, for freight from a weight; below it delivery to the door includes the stairs.' })
export class UpstairsRule {
  @Field(() => Int)
  freightFromGrams: number;

  @Field(() => Int)
  perFloorFen: number;
}

/** A published tariff version. */
@ObjectType('Tariff', { description: 'A tariff version (资费标准): published once, in force from effectiveFrom until the next version’s, never edited.' })
export class Tariff {
  @Field({ description: 'e.g. `tariff-2026.2`.' })
  version: string;

  @Field()
  effectiveFrom: Date;

  @Field(() => String, { nullable: true, description: 'The version it was made from; null for versions loaded with the system.' })
  basedOn: string | null;

  @Field()
  publishedAt: Date;

  @Directive(listSize(SERVICE_LEVELS.length * ZONES.length))
  @Field(() => [TariffRate], { description: 'One per service level and zone.' })
  rates: TariffRate[];

  @Directive(listSize(SERVICE_LEVELS.length))
  @Field(() => [VolumetricDivisor])
  volumetricDivisors: VolumetricDivisor[];

  @Directive(listSize(MAX_TARIFF_PREFIXES))
  @Field(() => [String], { description: 'Provinces priced REMOTE to and from elsewhere (偏远省份), two-digit prefixes.' })
  remoteProvinces: string[];

  @Field(() => InsuranceRule)
  insurance: InsuranceRule;

  @Field(() => RemoteAreaRule)
  remoteArea: RemoteAreaRule;

  @Field(() => OversizeRule)
  oversize: OversizeRule;

  @Field(() => UpstairsRule)
  upstairs: UpstairsRule;
}

export function toTariff({ rule, basedOn, publishedAt }: Published<DomainTariff>): Tariff {
  return Object.assign(new Tariff(), {
    version: rule.version,
    effectiveFrom: rule.effectiveFrom,
    basedOn,
    publishedAt,
    rates: SERVICE_LEVELS.flatMap((serviceLevel) => ZONES.map((zone) => Object.assign(new TariffRate(), { serviceLevel, zone, ...rule.rates[serviceLevel][zone] }))),
    volumetricDivisors: SERVICE_LEVELS.map((serviceLevel) => Object.assign(new VolumetricDivisor(), { serviceLevel, divisor: rule.volumetricDivisor[serviceLevel] })),
    remoteProvinces: [...rule.remoteProvinces],
    insurance: Object.assign(new InsuranceRule(), rule.insurance),
    remoteArea: Object.assign(new RemoteAreaRule(), { districtPrefixes: [...rule.remoteArea.districtPrefixes], fen: rule.remoteArea.fen }),
    oversize: Object.assign(new OversizeRule(), rule.oversize),
    upstairs: Object.assign(new UpstairsRule(), rule.upstairs),
  });
}
