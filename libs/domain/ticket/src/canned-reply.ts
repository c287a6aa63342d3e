import { formatChineseDateTime, formatChineseEta } from './china-format';
import { TicketRuleError } from './ticket.errors';
import type { TicketKind } from './ticket.vocabulary';

/** Placeholders a canned reply may use (标准回复变量), filled from the waybill's live data. */
export const PLACEHOLDERS = ['waybillNo', 'status', 'lastScanAt', 'lastScanPlace', 'eta', 'courierName', 'courierPhone', 'outletName', 'chargeCheck'] as const;
/** A placeholder a canned reply may use. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What a missing value renders as (暂无): the customer sees a gap said plainly, never `{{eta}}` or "undefined". */
export const MISSING_VALUE_TEXT = '暂无';

/** A standard reply (标准回复) agents send with one click, placeholders filled at send time. */
export interface CannedReply {
  /** Stable code, e.g. STATUS_ANSWER. */
  code: string;
  /** Short Chinese title agents pick it by. */
  title: string;
  /** Kinds of ticket it is offered for. */
  kinds: readonly TicketKind[];
  /** Chinese text with `{{placeholder}}`s. */
  body: string;
}

/** The waybill's live facts a reply is filled with; read by the caller, passed in (the rule stays pure). */
export interface WaybillFacts {
  waybillNo: string;
  /** Status as the customer reads it, e.g. 派送中. */
  statusLabel?: string | null;
  lastScanAt?: Date | null;
  /** Where the last scan was, e.g. 杭州转运中心. */
  lastScanPlace?: string | null;
  etaFrom?: Date | null;
  etaTo?: Date | null;
  courierName?: string | null;
  courierPhone?: string | null;
  outletName?: string | null;
  /** The charge check's answer (运费核查), as tracking words it for the customer. */
  chargeCheckZh?: string | null;
}

/** A filled reply, and the placeholders that had no value (rendered as 暂无) so the agent can check. */
export interface RenderedReply {
  text: string;
  missing: Placeholder[];
}

// `{{ name }}`: spaces inside the braces are tolerated, names are case-sensitive.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholder names a body uses, each once, in order of first use (known or not). */
export function placeholdersOf(body: string): string[] {
  return [...new Set([...String(body ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Checks a reply body before it is saved or sent. Throws PLACEHOLDER_UNKNOWN for a name outside
 * PLACEHOLDERS (a typo would reach the customer as literal braces), TEMPLATE_MALFORMED for braces
 * left open or closed alone.
 */
export function validateTemplate(body: string): string {
  const unknown = placeholdersOf(body).filter((name) => !isPlaceholder(name));
  if (unknown.length > 0) {
    throw new TicketRuleError('PLACEHOLDER_UNKNOWN', `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')}; known: ${PLACEHOLDERS.join(', ')}`, {
      unknown,
      known: PLACEHOLDERS,
    });
  }
  const rest = String(body ?? '').replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new TicketRuleError('TEMPLATE_MALFORMED', 'a placeholder is not closed: write {{name}}', { body });
  }
  return body;
}

const text = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

/** The value of each placeholder from the facts, null when the facts do not have it. */
function valuesOf(facts: WaybillFacts, now?: Date): Record<Placeholder, string | null> {
  return {
    waybillNo: text(facts.waybillNo),
    status: text(facts.statusLabel),
    lastScanAt: facts.lastScanAt ? formatChineseDateTime(facts.lastScanAt, now) : null,
    lastScanPlace: text(facts.lastScanPlace),
    eta: formatChineseEta(facts.etaFrom, facts.etaTo, now),
    courierName: text(facts.courierName),
    courierPhone: text(facts.courierPhone),
    outletName: text(facts.outletName),
    chargeCheck: text(facts.chargeCheckZh),
  };
}

/**
 * Fills a reply body from the waybill's facts (填充标准回复). Times are China time in Chinese, near
 * `now` as 今天/明天 when `now` is given. A value the facts lack renders as 暂无 and is listed in
 * `missing`. One pass: a value containing braces is never filled again. Throws as validateTemplate.
 */
export function renderReply(body: string, facts: WaybillFacts, now?: Date): RenderedReply {
  validateTemplate(body);
  const values = valuesOf(facts, now);
  const missing: Placeholder[] = [];
  const rendered = body.replace(PLACEHOLDER, (_match, name: Placeholder) => {
    const value = values[name];
    if (value !== null) return value;
    if (!missing.includes(name)) missing.push(name);
    return MISSING_VALUE_TEXT;
  });
  return { text: rendered, missing };
}

/** The standard replies (标准回复库) of the desk, in Chinese; each body passes validateTemplate. */
export const CANNED_REPLIES: readonly CannedReply[] = [
  {
    code: 'STATUS_ANSWER',
    title: '查件答复',
    kinds: ['INQUIRY', 'URGE'],
    body: '您好，您的快递{{waybillNo}}当前状态为“{{status}}”，最新记录：{{lastScanAt}}，{{lastScanPlace}}。预计{{eta}}送达，请您耐心等待。',
  },
  {
    code: 'OUT_FOR_DELIVERY',
    title: '派送中告知',
    kinds: ['INQUIRY', 'URGE'],
    body: '您好，您的快递{{waybillNo}}正在派送中，派送员{{courierName}}，联系电话{{courierPhone}}，请保持电话畅通，注意接听。',
  },
  {
    code: 'URGE_ACKNOWLEDGED',
    title: '催件已受理',
    kinds: ['URGE'],
    body: '您好，已收到您对快递{{waybillNo}}的催件，我们已通知{{outletName}}优先处理，派送员{{courierName}}（{{courierPhone}}）会尽快与您联系，给您带来不便敬请谅解。',
  },
  {
    code: 'NO_UPDATE_CHECKING',
    title: '物流未更新核查中',
    kinds: ['INQUIRY', 'URGE'],
    body: '您好，您的快递{{waybillNo}}最新记录为{{lastScanAt}}在{{lastScanPlace}}，之后暂未更新。我们已联系相关站点核查，有结果会第一时间告知您。',
  },
  {
    code: 'DELAY_APOLOGY',
    title: '延误致歉',
    kinds: ['URGE', 'COMPLAINT'],
    body: '非常抱歉，您的快递{{waybillNo}}未能按时送达。目前状态为“{{status}}”，最新记录：{{lastScanAt}}，{{lastScanPlace}}，预计{{eta}}送达。我们会持续跟进，给您带来不便深表歉意。',
  },
  {
    code: 'SIGNED_NOT_RECEIVED_FIRST_STEP',
    title: '签收未收到首次答复',
    kinds: ['SIGNED_NOT_RECEIVED'],
    body: '您好，快递{{waybillNo}}显示已于{{lastScanAt}}签收（{{lastScanPlace}}）。请您先看看门卫、快递柜、驿站或家人同事是否代收；我们已联系派送员{{courierName}}（{{courierPhone}}）核实，24小时内给您答复。',
  },
  {
    code: 'ADDRESS_REQUEST',
    title: '地址不详请客户补充',
    kinds: ['PROBLEM_PARCEL', 'INQUIRY'],
    body: '您好，您的快递{{waybillNo}}因收件地址不详暂时无法派送，目前在{{outletName}}。请您回复完整地址（省、市、区、街道、小区、楼栋门牌号），我们收到后尽快安排派送。',
  },
  {
    code: 'RECIPIENT_UNREACHABLE',
    title: '联系不上收件人',
    kinds: ['PROBLEM_PARCEL'],
    body: '您好，派送员多次联系您未能接通，快递{{waybillNo}}暂存于{{outletName}}。请联系派送员{{courierName}}（{{courierPhone}}）约定派送时间；7天内仍联系不上，快递将退回寄件人。',
  },
  {
    code: 'COMPLAINT_ACKNOWLEDGED',
    title: '投诉已受理',
    kinds: ['COMPLAINT'],
    body: '您好，您对快递{{waybillNo}}的投诉已受理，我们将核实情况，并依照《快递暂行条例》在7日内处理并答复您。',
  },
  {
    code: 'OVERCHARGE_ANSWER',
    title: '收费核查答复',
    kinds: ['COMPLAINT'],
    body: '您好，关于快递{{waybillNo}}的收费，我们已逐项核实。{{chargeCheck}}如有多收，款项将原路退还，给您带来不便深表歉意。',
  },
  {
    code: 'RESOLVED_NOTICE',
    title: '处理完毕告知',
    kinds: ['INQUIRY', 'URGE', 'COMPLAINT', 'SIGNED_NOT_RECEIVED'],
    body: '您好，关于快递{{waybillNo}}的问题已处理完毕。如7天内仍有疑问，直接回复即可，我们会继续为您跟进。',
  },
];

/** The standard replies offered for a kind of ticket, in catalogue order. */
export const cannedRepliesFor = (kind: TicketKind): CannedReply[] => CANNED_REPLIES.filter((reply) => reply.kinds.includes(kind));
