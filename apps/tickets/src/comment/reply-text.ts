import { CANNED_REPLIES, placeholdersOf, renderReply, type CannedReply, type RenderedReply, type WaybillFacts as ReplyFacts } from '@courierdesk/domain-ticket';
import { ticketsError } from '../common/tickets.errors';
import type { WaybillDirectory, WaybillFacts } from '../graph/waybill-facts';

/** Waybill statuses (运单状态) as a customer reads them in a reply (tracking's values; an unknown one is quoted as is). */
export const WAYBILL_STATUS_TEXT: Readonly<Record<string, string>> = {
  CREATED: '已下单',
  IN_TRANSIT: '运输中',
  ARRIVED_AT_OUTLET: '已到达派件网点',
  OUT_FOR_DELIVERY: '派送中',
  DELIVERY_FAILED: '派送失败',
  AVAILABLE_FOR_PICKUP: '待取件',
  DELIVERED: '已签收',
  EXCEPTION: '问题件处理中',
  HELD: '暂扣',
  RETURNING: '退回中',
  RETURNED: '已退回',
};

/** The standard reply (标准回复) with this code; CANNED_REPLY_NOT_FOUND otherwise. */
export function cannedReply(code: string): CannedReply {
  const reply = CANNED_REPLIES.find((r) => r.code === code);
  if (!reply) throw ticketsError('CANNED_REPLY_NOT_FOUND', `No canned reply ${code}; cannedReplies lists them`);
  return reply;
}

/** What the reply rule reads of the graph's facts of a waybill. */
export function replyFactsOf(facts: WaybillFacts): ReplyFacts {
  return {
    waybillNo: facts.waybillNo,
    statusLabel: WAYBILL_STATUS_TEXT[facts.status] ?? facts.status,
    lastScanAt: facts.lastScanAt,
    lastScanPlace: facts.lastScanPlace,
    etaFrom: facts.etaFrom,
    etaTo: facts.etaTo,
    courierName: facts.courierName,
    courierPhone: facts.courierPhone,
    outletName: facts.destinationOutletName,
    chargeCheckZh: facts.chargeCheckZh,
  };
}

/**
 * A reply's text filled from the waybill's live facts (填充标准回复), read through the graph at send
 * time — never from a copy the desk kept, which would quote yesterday's ETA. The graph is asked only
 * when the text has placeholders; a ticket without a waybill, or a waybill the graph no longer
 * knows, leaves every placeholder but the number missing (暂无), listed for the agent.
 */
export async function renderFromWaybill(template: string, waybillNo: string | null, waybills: WaybillDirectory, now: Date): Promise<RenderedReply> {
  const used = placeholdersOf(template);
  if (used.length === 0) return renderReply(template, { waybillNo: waybillNo ?? '' }, now);
  const facts = waybillNo ? ((await waybills.facts([waybillNo], { chargeCheck: used.includes('chargeCheck') })).get(waybillNo) ?? null) : null;
  return renderReply(template, facts ? replyFactsOf(facts) : { waybillNo: waybillNo ?? '' }, now);
}
