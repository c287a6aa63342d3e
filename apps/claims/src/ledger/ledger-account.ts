import { canonicalId, isUuid } from '@courierdesk/domain-core';
import { ledgerError } from './ledger.errors';

/** Kinds of ledger account (账户): the network itself, an outlet, a transit centre, a customer by waybill. */
export type LedgerAccountKind = 'NETWORK' | 'OUTLET' | 'TRANSIT_CENTRE' | 'CUSTOMER';

/** The network's own account (总部). */
export const NETWORK_ACCOUNT = 'NETWORK';

/** An outlet's account id (网点账户): `OUTLET:<uuid>`. */
export const outletAccount = (outletId: string): string => `OUTLET:${placeId(outletId, 'outletId')}`;

/** A transit centre's account id (分拨中心账户): `TRANSIT_CENTRE:<uuid>`. */
export const transitCentreAccount = (centreId: string): string => `TRANSIT_CENTRE:${placeId(centreId, 'transitCentreId')}`;

/** The customer account of a waybill (客户账户): `CUSTOMER:<waybill no>` — whoever the claim pays on that waybill. */
export const customerAccount = (waybillNo: string): string => {
  if (!waybillNo || /\s|:/.test(waybillNo)) throw ledgerError('INVALID_REFERENCE_ID', `Not a waybill number: ${JSON.stringify(waybillNo)}`);
  return `CUSTOMER:${waybillNo}`;
};

/** The account of the place that bears a carrier fault internally (责任网点/分拨中心). */
export const placeAccount = (kind: 'OUTLET' | 'TRANSIT_CENTRE', id: string): string => (kind === 'OUTLET' ? outletAccount(id) : transitCentreAccount(id));

/** What an account id says: its kind and the id in it (the columns a new account row gets). */
export interface ParsedAccount {
  id: string;
  kind: LedgerAccountKind;
  outletId: string | null;
  transitCentreId: string | null;
  waybillNo: string | null;
}

/** Reads an account id; INVALID_REFERENCE_ID for anything that is not one. */
export function parseAccount(id: string): ParsedAccount {
  if (id === NETWORK_ACCOUNT) return { id, kind: 'NETWORK', outletId: null, transitCentreId: null, waybillNo: null };
  const colon = id.indexOf(':');
  const prefix = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (prefix === 'OUTLET' && isUuid(rest) && rest === canonicalId(rest)) return { id, kind: 'OUTLET', outletId: rest, transitCentreId: null, waybillNo: null };
  if (prefix === 'TRANSIT_CENTRE' && isUuid(rest) && rest === canonicalId(rest)) return { id, kind: 'TRANSIT_CENTRE', outletId: null, transitCentreId: rest, waybillNo: null };
  if (prefix === 'CUSTOMER' && rest && !/\s|:/.test(rest)) return { id, kind: 'CUSTOMER', outletId: null, transitCentreId: null, waybillNo: rest };
  throw ledgerError('INVALID_REFERENCE_ID', `Not a ledger account: ${JSON.stringify(id)}`);
}

function placeId(id: string, field: string): string {
  if (!isUuid(id)) throw ledgerError('INVALID_REFERENCE_ID', `${field} must be a UUID`);
  return canonicalId(id);
}
