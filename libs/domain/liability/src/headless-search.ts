import { assertValidDate } from '@courierdesk/domain-sla';
import { LiabilityRuleError } from './liability.errors';

/** A headless-parcel search (无头件查找) made for a waybill, as the claims rules read it. */
export interface HeadlessSearchFacts {
  id: string;
  searchedAt: Date;
  candidateCount: number;
  policyVersion: string;
}

/**
 * Whether a claim is about a parcel that is lost (丢失): a LOSS claim, or a thorough delay of a
 * parcel still missing that the decision treats as a loss (彻底延误按丢失处理).
 */
export const isLostParcelClaim = (kind: string, treatedAs: string | null | undefined): boolean => kind === 'LOSS' || treatedAs === 'LOSS';

/**
 * Throws HEADLESS_SEARCH_REQUIRED unless a headless-parcel search (无头件查找) was made for a lost
 * parcel by `at` (the approval or the payment): a parcel sitting unlabelled in a hub is found
 * before the network pays for it as lost. Returns the search relied on; null for a parcel that is
 * not lost (no search needed).
 */
export function assertHeadlessSearchMade(input: { lost: boolean; search: HeadlessSearchFacts | null; at: Date }): HeadlessSearchFacts | null {
  if (!input.lost) return null;
  const at = assertValidDate(input.at, 'at');
  const search = input.search;
  if (!search || assertValidDate(search.searchedAt, 'searchedAt').getTime() > at.getTime()) {
    throw new LiabilityRuleError('HEADLESS_SEARCH_REQUIRED', 'a lost parcel is agreed and paid only after a headless-parcel search (无头件查找) for its waybill', {
      searchId: search?.id ?? null,
      searchedAt: search ? search.searchedAt.toISOString() : null,
    });
  }
  return search;
}
