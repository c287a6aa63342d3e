import type { DataSource } from 'typeorm';
import {
  coverageAnswer,
  coverageSentence,
  disclose,
  isServed,
  matchAreas,
  normalizeAreaText,
  OutletKind,
  parseDistrictCode,
  type CoverageLanguage,
} from '@courierdesk/domain-network';
import { personalDataViewer } from '@courierdesk/platform-auth';
import { ofOutlet } from '../common/access';
import { subgraphError } from '../common/subgraph.errors';
import { toAreaMatch } from '../delivery-area/area-match.type';
import { selectAreas } from '../delivery-area/delivery-area.loaders';
import { toDistrict } from '../division/district.type';
import type { NetworkContext } from '../network.loaders';
import { OutletEntity } from '../outlet/outlet.entity';
import { SEARCH_TEXT_MAX_LENGTH } from '../outlet/outlet.filter';
import { toOutlet } from '../outlet/outlet.type';
import { Coverage, MAX_COVERAGE_MATCHES, MAX_SELF_PICKUP_STATIONS } from './coverage.type';

/**
 * "Do we deliver here" (派送范围查询): loads what the network has in one district — its areas with
 * their current couriers (the `delivery_area (district_code)` index), its partner stations and
 * whether another outlet is there (`outlet (district_code, kind, code)`) — and lets the domain's
 * rules decide the verdict and word the answer. Directory data: any network reader, partners
 * included; people's names and phones are decided per field, and in the sentence by the same policy.
 */
export class CoverageService {
  constructor(private readonly ds: DataSource) {}

  async coverage(ctx: NetworkContext, districtCode: string, rawText: string | null | undefined, limit: number): Promise<Coverage> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COVERAGE_MATCHES) {
      throw subgraphError('INVALID_LIMIT', `limit must be between 1 and ${MAX_COVERAGE_MATCHES}`);
    }
    const trimmed = rawText?.trim() ?? '';
    if ([...trimmed].length > SEARCH_TEXT_MAX_LENGTH) {
      throw subgraphError('SEARCH_TEXT_TOO_LONG', `Search text is limited to ${SEARCH_TEXT_MAX_LENGTH} characters`);
    }
    // Blank or punctuation only: a question about the district as a whole.
    const text = normalizeAreaText(trimmed) === '' ? null : trimmed;
    const code = parseDistrictCode(districtCode).code;
    const names = await ctx.loaders.district.load(code);
    if (!names) throw subgraphError('DISTRICT_NOT_FOUND', `"${code}" is not a district in the national register`);

    const outlets = this.ds.getRepository(OutletEntity);
    const [areas, stations, deliveringOutlet] = await Promise.all([
      selectAreas(this.ds).where('area.districtCode = :code', { code }).getMany(),
      outlets
        .createQueryBuilder('o')
        .where('o.districtCode = :code AND o.kind = :kind', { code, kind: OutletKind.PARTNER_STATION })
        .orderBy('o.code')
        .limit(MAX_SELF_PICKUP_STATIONS + 1)
        .getMany(),
      outlets
        .createQueryBuilder('o')
        .select('o.id')
        .where('o.districtCode = :code AND o.kind IN (:...kinds)', { code, kinds: [OutletKind.DIRECT, OutletKind.FRANCHISE] })
        .limit(1)
        .getOne(),
    ]);

    const matches = text === null ? [] : matchAreas({ districtCode: code, text }, areas, { limit });
    const best = matches[0] ?? null;
    const facts = {
      searched: text !== null,
      areaCount: areas.length,
      coveredAreaCount: areas.filter((area) => area.current).length,
      hasDeliveringOutlet: deliveringOutlet !== null,
      stationCount: Math.min(stations.length, MAX_SELF_PICKUP_STATIONS),
      best: best && { covered: Boolean(best.area.current) },
    };
    return Object.assign(new Coverage(), {
      district: toDistrict(names),
      served: isServed(facts),
      answer: coverageAnswer(facts),
      matches: matches.map(toAreaMatch),
      areaCount: facts.areaCount,
      coveredAreaCount: facts.coveredAreaCount,
      selfPickupStations: stations.slice(0, MAX_SELF_PICKUP_STATIONS).map(toOutlet),
      text,
      outletId: best?.area.outletId ?? null,
      courierId: best?.area.current?.courierId ?? null,
      stationCount: facts.stationCount,
      moreStations: stations.length > MAX_SELF_PICKUP_STATIONS,
    });
  }

  /**
   * The sentence read to the customer, naming the outlet and the courier as the caller may see
   * them: the courier's name goes through the personal-data policy exactly as `Courier.name` does.
   */
  async explain(coverage: Coverage, ctx: NetworkContext, language: CoverageLanguage): Promise<string> {
    const [outlet, courier] = await Promise.all([
      coverage.outletId ? ctx.loaders.outlet.load(coverage.outletId) : null,
      coverage.courierId ? ctx.loaders.courier.load(coverage.courierId) : null,
    ]);
    const best = coverage.matches[0] ?? null;
    const courierName = courier && disclose(personalDataViewer(ctx.identity), { subject: 'COURIER', datum: 'NAME', owner: ofOutlet(courier.outletId) }, courier.name);
    return coverageSentence(
      {
        answer: coverage.answer,
        districtCode: coverage.district.code,
        districtName: coverage.district.name,
        text: coverage.text,
        match: best && { streetName: best.area.streetName, matched: best.matched, reason: best.matchedBy },
        outletName: outlet?.name ?? null,
        courierName,
        hasCourier: courier !== null,
        areaCount: coverage.areaCount,
        coveredAreaCount: coverage.coveredAreaCount,
        stationCount: coverage.stationCount,
        moreStations: coverage.moreStations,
      },
      language,
    );
  }
}
