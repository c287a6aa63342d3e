import type { ScanEvent } from './scan-event';
import { SCAN_TYPE_ORDER } from './scan-status.transitions';

const typeRank = new Map(SCAN_TYPE_ORDER.map((type, i) => [type, i]));

/** Everything an event says, as one string: equal keys are the same scan sent twice. */
function eventKey(event: ScanEvent): string {
  const { type, eventTime, location, courierId, signer, failureReason, problemCode, note } = event;
  const where = [location?.kind, location?.id];
  const who = [courierId, signer?.kind, signer?.name];
  return JSON.stringify([eventTime.getTime(), type, ...where, ...who, failureReason, problemCode, note]);
}

/**
 * Orders events by event time, then scan type order, then content: a total order, so the same set
 * of events always gives the same sequence whatever order they arrived in.
 */
export function sortScanEvents<E extends ScanEvent>(events: readonly E[]): E[] {
  const keyed = events.map((event) => ({ event, key: eventKey(event) }));
  keyed.sort(
    (a, b) =>
      a.event.eventTime.getTime() - b.event.eventTime.getTime() ||
      (typeRank.get(a.event.type) ?? 99) - (typeRank.get(b.event.type) ?? 99) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return keyed.filter((item, i) => i === 0 || item.key !== keyed[i - 1].key).map((item) => item.event);
}
