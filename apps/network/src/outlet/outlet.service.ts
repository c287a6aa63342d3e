import type { DataSource } from 'typeorm';
import { normalizeName, normalizePhone, validateOutletInput } from '@courierdesk/domain-network';
import { assertOutletAccess, type Identity } from '@courierdesk/platform-auth';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import { assertHeadquarters } from '../common/access';
import { staleVersion, translateDbError } from '../common/db-errors';
import { found, isUuid, newId } from '../common/ids';
import { subgraphError } from '../common/subgraph.errors';
import type { DivisionService } from '../division/division.service';
import { OutletEntity } from './outlet.entity';
import { outletCriteria } from './outlet.filter';
import type { CreateOutletInput, OutletFilter, UpdateOutletInput } from './outlet.input';

const ADDRESS_MAX_LENGTH = 200;
const MANAGER_NAME_MAX_LENGTH = 20;

const optionalPhone = (raw: string | null | undefined): string | null => (raw == null || raw.trim() === '' ? null : normalizePhone(raw));
const optionalName = (raw: string | null | undefined): string | null => (raw == null || raw.trim() === '' ? null : normalizeName(raw, MANAGER_NAME_MAX_LENGTH, 'manager name'));

function address(raw: string | null | undefined): string {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if ([...text].length > ADDRESS_MAX_LENGTH) throw subgraphError('ADDRESS_TOO_LONG', `address is limited to ${ADDRESS_MAX_LENGTH} characters`);
  return text;
}

function transitCentreRef(id: string | null | undefined): string | null {
  if (id == null) return null;
  if (!isUuid(id)) throw subgraphError('TRANSIT_CENTRE_NOT_FOUND', `No transit centre ${id}`);
  return id;
}

/** The outlet directory (网点资料): search, open and change outlets. */
export class OutletService {
  constructor(
    private readonly ds: DataSource,
    private readonly divisions: DivisionService,
  ) {}

  private get repo() {
    return this.ds.getRepository(OutletEntity);
  }

  async byCode(code: string): Promise<OutletEntity | null> {
    return this.repo.findOneBy({ code: code.trim() });
  }

  /** One page of the directory in code order (keyset on the unique code: stable under inserts). */
  async list(filter: OutletFilter | null | undefined, page: PageArgs): Promise<Page<OutletEntity>> {
    const size = pageSize(page.first);
    const criteria = outletCriteria(filter);
    // A district the register does not list is a mistake to report, not an empty page.
    if (criteria.districtCode) await this.divisions.district(criteria.districtCode);
    const qb = this.repo.createQueryBuilder('o').orderBy('o.code', 'ASC').limit(size + 1);
    if (criteria.provinceCode) qb.andWhere('o.provinceCode = :provinceCode', criteria);
    if (criteria.cityCode) qb.andWhere('o.cityCode = :cityCode', criteria);
    if (criteria.districtCode) qb.andWhere('o.districtCode = :districtCode', criteria);
    if (criteria.kind) qb.andWhere('o.kind = :kind', criteria);
    // search_text is a generated lower-case column with a trigram index (when pg_trgm is available).
    if (criteria.pattern) qb.andWhere(`o.search_text LIKE :pattern ESCAPE '\\'`, criteria);
    if (page.after) qb.andWhere('o.code > :after', { after: String(decodeCursor(page.after, 1)[0]) });
    const rows = await qb.getMany();
    return toPage(rows, size, page.after, (row) => encodeCursor([row.code]), (row) => row);
  }

  /** Opens an outlet. HQ only; the code's uniqueness is the database's to decide. */
  async create(identity: Identity, input: CreateOutletInput): Promise<OutletEntity> {
    assertHeadquarters(identity, 'open outlets');
    const valid = validateOutletInput({ code: input.code, name: input.name, districtCode: input.districtCode, kind: input.kind, phone: input.phone });
    const region = await this.divisions.district(valid.districtCode);
    const row = this.repo.create({
      id: newId(),
      code: valid.code,
      name: valid.name,
      kind: valid.kind,
      ...region,
      address: address(input.address),
      phone: valid.phone,
      managerName: optionalName(input.managerName),
      managerPhone: optionalPhone(input.managerPhone),
      transitCentreId: transitCentreRef(input.transitCentreId),
    });
    await this.repo.insert(row).catch(translateDbError);
    return found(await this.repo.findOneBy({ id: row.id }), 'OUTLET_NOT_FOUND', 'outlet', row.id);
  }

  /** Changes an outlet if `version` is still current. Its manager may not change kind or transit centre. */
  async update(identity: Identity, input: UpdateOutletInput): Promise<OutletEntity> {
    const current = found(isUuid(input.id) ? await this.repo.findOneBy({ id: input.id }) : null, 'OUTLET_NOT_FOUND', 'outlet', input.id);
    assertOutletAccess(identity, current.id);
    if (input.kind != null || input.transitCentreId !== undefined) assertHeadquarters(identity, 'change an outlet’s kind or transit centre');
    const valid = validateOutletInput({
      code: current.code,
      districtCode: current.districtCode,
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      phone: input.phone === undefined ? current.phone : input.phone,
    });
    const patch: Partial<OutletEntity> = {
      name: valid.name,
      kind: valid.kind,
      phone: valid.phone,
      address: input.address == null ? current.address : address(input.address),
      managerName: input.managerName === undefined ? current.managerName : optionalName(input.managerName),
      managerPhone: input.managerPhone === undefined ? current.managerPhone : optionalPhone(input.managerPhone),
      transitCentreId: input.transitCentreId === undefined ? current.transitCentreId : transitCentreRef(input.transitCentreId),
    };
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id: current.id, version: input.version })
      .execute()
      .catch(translateDbError);
    if (result.affected !== 1) throw staleVersion('outlet');
    return found(await this.repo.findOneBy({ id: current.id }), 'OUTLET_NOT_FOUND', 'outlet', current.id);
  }
}
