import type { IncidentKind } from './bearing-place';
import type { EvidenceClaimKind } from './claim-evidence.rules';
import type { RefusalCause } from './return-freight';

/**
 * What a claim asks the scan history to place (责任事件): the incident `bearingPlace` looks for, by
 * claim kind and, for return freight, by the cause of refusal. Null when the scans cannot place it:
 * no carrier fault (the shipper's, consignee's or platform's), or courier misconduct, which a
 * complaint ticket establishes and HQ arbitrates (仲裁), not the scans.
 */
export function claimIncident(kind: EvidenceClaimKind, refusalCause: RefusalCause | null = null): IncidentKind | null {
  if (kind === 'LOSS') return 'LOSS';
  if (kind === 'DAMAGE' || kind === 'PARTIAL_LOSS') return 'DAMAGE';
  if (kind === 'DELAY') return 'DELAY';
  if (refusalCause === 'CARRIER_DELAY') return 'DELAY';
  if (refusalCause === 'DAMAGED_IN_CARRIAGE') return 'DAMAGE';
  return null;
}
