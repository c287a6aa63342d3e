import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimsError, LedgerError } from '@courierdesk/claims';
import { LIABILITY_ERROR_CODES, LiabilityRuleError } from '@courierdesk/domain-liability';
import { NETWORK_ERROR_CODES, NetworkRuleError } from '@courierdesk/domain-network';
import { PARCEL_ERROR_CODES, ParcelRuleError, SCAN_REJECTION_CODES } from '@courierdesk/domain-parcel';
import { SLA_ERROR_CODES, SlaRuleError } from '@courierdesk/domain-sla';
import { TARIFF_ERROR_CODES, TariffRuleError } from '@courierdesk/domain-tariff';
import { TICKET_RULE_ERROR_CODES, TicketRuleError } from '@courierdesk/domain-ticket';
import { GATEWAY_REASONS } from '@courierdesk/gateway';
import { NetworkSubgraphError } from '@courierdesk/network';
import { AUTH_ERROR_CODES, authErrorKind } from '@courierdesk/platform-auth';
import { repoRoot } from '@courierdesk/platform-db';
import { DATABASE_BUSY, DATABASE_UNAVAILABLE, PlatformError } from '@courierdesk/platform-subgraph';
import { TicketsError } from '@courierdesk/tickets';
import { LOCAL_REJECTION_CODES, TrackingError } from '@courierdesk/tracking';

/** Where the shipped error codes are written down: the other half of the graph's contract. */
export const ERROR_CODES_FILE = join(repoRoot(), 'error-codes.json');

/** Area → code → what a client sees it as: an error kind (`extensions.code`) or a per-item REJECTION. */
export type ErrorCodeList = Record<string, Record<string, string>>;

const table = (codes: readonly string[], kindOf: (code: string) => string): Record<string, string> =>
  Object.fromEntries(codes.map((code) => [code, kindOf(code)]));
const rejections = (codes: readonly string[]): Record<string, string> => table(codes, () => 'REJECTION');

/** Every error code and rejection reason the graph can send today, by area. */
export function currentErrorCodes(): ErrorCodeList {
  return {
    'domain-parcel': table(PARCEL_ERROR_CODES, (c) => ParcelRuleError.kindOf(c as never)),
    'domain-network': table(NETWORK_ERROR_CODES, (c) => NetworkRuleError.kindOf(c as never)),
    'domain-sla': table(SLA_ERROR_CODES, (c) => SlaRuleError.kindOf(c as never)),
    'domain-ticket': table(TICKET_RULE_ERROR_CODES, (c) => TicketRuleError.kindOf(c as never)),
    'domain-liability': table(LIABILITY_ERROR_CODES, (c) => LiabilityRuleError.kindOf(c as never)),
    'domain-tariff': table(TARIFF_ERROR_CODES, (c) => TariffRuleError.kindOf(c as never)),
    'network-subgraph': table(NetworkSubgraphError.codes, (c) => NetworkSubgraphError.kindOf(c as never)),
    'tracking-subgraph': table(TrackingError.codes, (c) => TrackingError.kindOf(c as never)),
    'tickets-subgraph': table(TicketsError.codes, (c) => TicketsError.kindOf(c as never)),
    'claims-subgraph': table(ClaimsError.codes, (c) => ClaimsError.kindOf(c as never)),
    'claims-ledger': table(LedgerError.codes, (c) => LedgerError.kindOf(c as never)),
    platform: { ...table(PlatformError.codes, (c) => PlatformError.kindOf(c as never)), [DATABASE_UNAVAILABLE.code]: DATABASE_UNAVAILABLE.kind, [DATABASE_BUSY.code]: DATABASE_BUSY.kind },
    gateway: { ...GATEWAY_REASONS },
    auth: table(AUTH_ERROR_CODES, (c) => authErrorKind(c as never)),
    'scan-rejections': rejections(SCAN_REJECTION_CODES),
    'batch-rejections': rejections(LOCAL_REJECTION_CODES),
  };
}

/** The committed list. */
export function readShippedErrorCodes(): ErrorCodeList {
  return JSON.parse(readFileSync(ERROR_CODES_FILE, 'utf8')) as ErrorCodeList;
}

/** Shipped codes that are gone or now mean another kind: each is a break of the contract. */
export function brokenErrorCodes(shipped: ErrorCodeList, current: ErrorCodeList): string[] {
  const broken: string[] = [];
  for (const [area, codes] of Object.entries(shipped)) {
    for (const [code, kind] of Object.entries(codes)) {
      const now = current[area]?.[code];
      if (now === undefined) broken.push(`${area}: ${code} was removed or renamed`);
      else if (now !== kind) broken.push(`${area}: ${code} changed from ${kind} to ${now}`);
    }
  }
  return broken;
}

/** The list as written to error-codes.json: shipped codes kept, new ones added, sorted. */
export function printErrorCodes(shipped: ErrorCodeList, current: ErrorCodeList): string {
  const merged: ErrorCodeList = {};
  for (const area of [...new Set([...Object.keys(shipped), ...Object.keys(current)])].sort()) {
    const codes = { ...shipped[area], ...current[area] };
    merged[area] = Object.fromEntries(Object.keys(codes).sort().map((code) => [code, codes[code]]));
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}
