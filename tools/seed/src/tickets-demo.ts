import { personName } from './chinese-names';
import { PhoneBook } from './phone-numbers';
import { Random } from './prng';

/** A demo waybill as the desk sees it (read from tracking's rows by the loader). */
export interface TicketDemoWaybill {
  waybillNo: string;
  originOutletId: string | null;
  destinationOutletId: string | null;
  /** Tracking's status (IN_TRANSIT, DELIVERED …): picks what the customer calls about. */
  status: string;
  createdAt: Date;
  lastScanAt: Date | null;
}

/** Who opens or changes a demo ticket: the HQ agent (总部客服) or an outlet's account (网点). */
export type DemoActor = { kind: 'HQ' } | { kind: 'OUTLET'; outletId: string };

/** What openTicket is given (the GraphQL input's fields). */
export interface DemoOpenInput {
  kind: string;
  reason: string;
  channel: string;
  title: string;
  description?: string | null;
  waybillNo?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  callerRole?: string | null;
  responsibleOutletId?: string | null;
  counterpartOutletId?: string | null;
  regulatorCaseNo?: string | null;
  regulatorDeadline?: Date | null;
  assignee?: string | null;
}

/** One later step in a demo ticket's life, at its own instant. */
export type DemoStep =
  | { type: 'ASSIGN'; at: Date; assignee: string }
  | { type: 'STATUS'; at: Date; status: 'IN_PROGRESS' | 'WAITING_FOR_CUSTOMER' | 'WAITING_FOR_OUTLET' | 'ESCALATED'; note: string }
  | { type: 'RESOLVE'; at: Date; resolutionCode: string; note: string }
  | { type: 'URGE_AGAIN'; at: Date; channel: string; description: string };

/** One demo case: who opens it, when, with what, and what happens to it after. */
export interface DemoTicketCase {
  by: DemoActor;
  at: Date;
  input: DemoOpenInput;
  steps: DemoStep[];
}

/** A duplicate merged into the case it repeats (合并), after both are open. */
export interface DemoMerge {
  source: number;
  target: number;
  at: Date;
}

/** The whole demo desk: cases in opening order, and the merges run after them. */
export interface TicketsDemoPlan {
  cases: DemoTicketCase[];
  merges: DemoMerge[];
}

/** Options of {@link planTicketsDemo}. */
export interface TicketsDemoOptions {
  /** The demo partner outlet (its token sees the problem parcels and its own outlet's tickets). */
  partnerOutletId: string;
  now: Date;
  seed?: number;
}

/** The HQ agent demo tickets are assigned to: the subject of the printed agent token. */
export const DEMO_AGENT = 'demo-agent';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NOT_DELIVERED = new Set(['CREATED', 'IN_TRANSIT', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'EXCEPTION', 'HELD', 'AVAILABLE_FOR_PICKUP']);
const DELIVERED = new Set(['DELIVERED']);

// What customers say, per reason (short, as an agent types it).
const WORDS: Readonly<Record<string, readonly string[]>> = {
  STATUS_QUERY: ['客户来电查件，询问包裹当前位置。', '客户在线咨询物流进度。'],
  DELIVERY_TIME_QUERY: ['客户询问预计几号送达。', '客户问今天能否送到。'],
  PRICE_QUERY: ['客户咨询寄5公斤到乌鲁木齐的运费。', '客户询问保价费率。'],
  SERVICE_AREA_QUERY: ['客户询问乡镇地址是否派送上门。'],
  PROHIBITED_ITEM_QUERY: ['客户询问能否寄送充电宝和香水。'],
  REMOTE_AREA_QUERY: ['客户咨询偏远地区派送时效和附加费。'],
  URGE_DELIVERY: ['客户着急用，催促尽快派送。', '收件人今天出差，希望上午送达。'],
  NO_SCAN_UPDATE: ['物流信息两天没有更新，客户催件。', '客户反映包裹一直显示在途。'],
  DELIVERY_FAILED_REPEATEDLY: ['客户称一直在家，却显示派送失败。'],
  NOT_ARRIVED_AT_FINAL_OUTLET: ['客户问为什么还没到派件网点。'],
  DELAY: ['承诺次日达，已超过三天未收到。', '客户投诉延误，影响使用。'],
  NOT_DELIVERED_UPSTAIRS: ['快递员未送货上门，直接放在楼下。'],
  COURIER_CONDUCT: ['客户投诉快递员电话中态度恶劣。'],
  UNCONSENTED_LOCKER_DROP: ['未经同意放入快递柜，客户不知情。'],
  OVERCHARGED: ['派件时被额外收取上楼费。'],
  DAMAGED: ['收到时外包装破损，内物摔坏。'],
  CAUSE_UNKNOWN: ['显示已签收，但客户没有收到。'],
  SIGNED_BY_OTHER: ['显示他人代签，客户不认识签收人。'],
  ADDRESS_UNCLEAR: ['收件地址只写到小区，无楼号门牌。'],
  RECIPIENT_UNREACHABLE: ['收件人电话多次无人接听。'],
  LABEL_DAMAGED: ['面单破损，无法扫描。'],
  MISSORTED: ['错分到本网点，请确认正确派件网点。'],
  REFUSED: ['收件人拒收，称未购买此商品。'],
  OUT_OF_AREA: ['地址超出本网点派送范围。'],
  ADDRESS_CHANGE: ['寄件人要求改派新地址。'],
  NON_COMPLIANT_PACKING: ['包装不符合要求，液体渗漏。'],
};

const TITLES: Readonly<Record<string, string>> = {
  STATUS_QUERY: '查件', DELIVERY_TIME_QUERY: '时效咨询', PRICE_QUERY: '运费咨询', SERVICE_AREA_QUERY: '派送范围咨询',
  PROHIBITED_ITEM_QUERY: '禁寄物品咨询', REMOTE_AREA_QUERY: '偏远地区咨询', URGE_DELIVERY: '催派送', NO_SCAN_UPDATE: '物流不更新催件',
  DELIVERY_FAILED_REPEATEDLY: '多次派送失败', NOT_ARRIVED_AT_FINAL_OUTLET: '未到派件网点', DELAY: '延误投诉', NOT_DELIVERED_UPSTAIRS: '不上楼投诉',
  COURIER_CONDUCT: '服务态度投诉', UNCONSENTED_LOCKER_DROP: '未经同意投柜', OVERCHARGED: '乱收费投诉', DAMAGED: '破损投诉',
  CAUSE_UNKNOWN: '签收未收到', SIGNED_BY_OTHER: '他人代签未收到', ADDRESS_UNCLEAR: '地址不详', RECIPIENT_UNREACHABLE: '联系不上收件人',
  LABEL_DAMAGED: '面单破损', MISSORTED: '错分件', REFUSED: '拒收', OUT_OF_AREA: '超区件', ADDRESS_CHANGE: '改地址', NON_COMPLIANT_PACKING: '包装不合格',
};

/** A step before it is given its instant. */
type Untimed = { [K in DemoStep['type']]: Omit<Extract<DemoStep, { type: K }>, 'at'> }[DemoStep['type']];

/** Where a case's life is heading: each shape is a list of steps after opening. */
type Shape = 'OPEN' | 'WORKING' | 'WAIT_CUSTOMER' | 'WAIT_OUTLET' | 'ESCALATED' | 'RESOLVED';

/**
 * The demo desk (演示工单), planned from the demo waybills — pure and deterministic for one seed,
 * waybill list and `now`. About 55 cases: inquiries, urges (some urged again, 催件次数 2–3),
 * complaints (one a 12305 regulator case with its number and deadline, one duplicate merged into
 * the first), problem parcels between the partner outlet and another outlet (registered by each
 * side), signed-but-not-received checks; some in progress, waiting for the customer or an outlet,
 * escalated or resolved, most assigned to {@link DEMO_AGENT}. Tickets are opened over the three
 * days before `now`, so the queue holds met, running and missed deadlines.
 */
export function planTicketsDemo(waybills: readonly TicketDemoWaybill[], options: TicketsDemoOptions): TicketsDemoPlan {
  const seed = options.seed ?? 2026;
  const random = Random.for(seed, 'tickets');
  const phones = new PhoneBook();
  const now = options.now.getTime();
  const partner = options.partnerOutletId;
  const sorted = [...waybills].sort((a, b) => (a.waybillNo < b.waybillNo ? -1 : 1));
  const used = new Set<string>();
  const take = (pool: readonly TicketDemoWaybill[]): TicketDemoWaybill | null => {
    const free = pool.filter((w) => !used.has(w.waybillNo));
    if (free.length === 0) return null;
    const picked = random.pick(free);
    used.add(picked.waybillNo);
    return picked;
  };
  const inTransit = sorted.filter((w) => NOT_DELIVERED.has(w.status) && w.destinationOutletId);
  const delivered = sorted.filter((w) => DELIVERED.has(w.status) && w.destinationOutletId);
  const partners = sorted.filter((w) => w.originOutletId && w.destinationOutletId && w.originOutletId !== w.destinationOutletId && (w.originOutletId === partner || w.destinationOutletId === partner));
  // Problem parcels need a waybill and another outlet; without partner waybills, any two-outlet waybill serves.
  const twoOutlets = partners.length > 0 ? partners : sorted.filter((w) => w.originOutletId && w.destinationOutletId && w.originOutletId !== partner && w.destinationOutletId !== partner);
  const outlets = [...new Set(sorted.map((w) => w.destinationOutletId).filter((id): id is string => id !== null))];

  const cases: DemoTicketCase[] = [];
  const merges: DemoMerge[] = [];

  /** An opening instant in the last three days, after the waybill existed. */
  const openedAt = (w: TicketDemoWaybill | null, spreadMinutes = 72 * 60): Date => {
    let at = now - random.int(20, spreadMinutes) * MINUTE;
    if (w && at < w.createdAt.getTime() + 10 * MINUTE) at = Math.max(w.createdAt.getTime() + (now - w.createdAt.getTime()) / 2, now - 60 * MINUTE);
    return new Date(Math.min(at, now - 10 * MINUTE));
  };
  /** `count` instants between opening and now, in order (steps of one case never cross `now`). */
  const instants = (opened: Date, count: number): Date[] =>
    Array.from({ length: count }, (_, i) => new Date(opened.getTime() + ((now - opened.getTime()) * (i + 1)) / (count + 2)));
  const caller = (role: string) => ({ callerName: personName(random), callerPhone: phones.mobile(random), callerRole: role });
  const words = (reason: string) => random.pick(WORDS[reason] ?? ['客户来电。']);

  /** The steps of a shape; `resolution` for RESOLVED. */
  const stepsFor = (opened: Date, shape: Shape, resolution: string, extra: DemoStep[] = [], assignee: string | null = DEMO_AGENT): DemoStep[] => {
    const plan: Untimed[] = [];
    if (assignee && shape !== 'OPEN') plan.push({ type: 'ASSIGN', assignee });
    if (shape === 'WORKING' || shape === 'ESCALATED' || shape === 'WAIT_CUSTOMER' || shape === 'WAIT_OUTLET') plan.push({ type: 'STATUS', status: 'IN_PROGRESS', note: '已受理，核实中' });
    if (shape === 'WAIT_CUSTOMER') plan.push({ type: 'STATUS', status: 'WAITING_FOR_CUSTOMER', note: '请客户补充照片或地址' });
    if (shape === 'WAIT_OUTLET') plan.push({ type: 'STATUS', status: 'WAITING_FOR_OUTLET', note: '已联系派件网点，等待回复' });
    if (shape === 'ESCALATED') plan.push({ type: 'STATUS', status: 'ESCALATED', note: '网点未按时回复，升级至总部' });
    if (shape === 'RESOLVED') plan.push({ type: 'RESOLVE', resolutionCode: resolution, note: '已处理并告知客户' });
    // Repeat urges come before the agent's later moves, as customers call while they wait.
    const all: Untimed[] = [...extra.map(({ at: _at, ...rest }) => rest as Untimed), ...plan];
    const times = instants(opened, all.length);
    return all.map((step, i) => ({ ...step, at: times[i] }) as DemoStep);
  };
  const shapeOf = (weights: ReadonlyArray<readonly [Shape, number]>): Shape => random.weighted(weights);

  // 咨询 Inquiries: answered in the call mostly; four without a waybill (price, area, prohibited items).
  for (let i = 0; i < 12; i++) {
    const withWaybill = i < 8;
    const w = withWaybill ? take(sorted) : null;
    if (withWaybill && !w) continue;
    const reason = withWaybill ? random.pick(['STATUS_QUERY', 'DELIVERY_TIME_QUERY']) : ['PRICE_QUERY', 'SERVICE_AREA_QUERY', 'PROHIBITED_ITEM_QUERY', 'REMOTE_AREA_QUERY'][i - 8];
    const at = openedAt(w);
    const shape = shapeOf([['RESOLVED', 6], ['WORKING', 2], ['OPEN', 2]]);
    cases.push({
      by: { kind: 'HQ' },
      at,
      input: {
        kind: 'INQUIRY', reason, channel: random.pick(['PHONE', 'ONLINE_CHAT', 'APP']), title: TITLES[reason], description: words(reason),
        waybillNo: w?.waybillNo ?? null, responsibleOutletId: w ? null : random.pick(outlets), ...caller(withWaybill ? 'RECIPIENT' : 'SENDER'),
      },
      steps: stepsFor(at, shape, 'ANSWERED'),
    });
  }

  // 催件 Urges: on parcels not delivered yet; some urged again (urgeCount 2–3); three on the partner's parcels.
  const partnerInbound = inTransit.filter((w) => w.destinationOutletId === partner);
  for (let i = 0; i < 14; i++) {
    const w = take(i < 3 && partnerInbound.length > 0 ? partnerInbound : inTransit);
    if (!w) continue;
    const reason = random.pick(['URGE_DELIVERY', 'NO_SCAN_UPDATE', 'NO_SCAN_UPDATE', 'DELIVERY_FAILED_REPEATEDLY', 'NOT_ARRIVED_AT_FINAL_OUTLET']);
    const at = openedAt(w);
    const repeats = i % 3 === 0 ? random.int(1, 2) : 0;
    const again: DemoStep[] = Array.from({ length: repeats }, () => ({ type: 'URGE_AGAIN', at, channel: random.pick(['PHONE', 'APP', 'ONLINE_CHAT']), description: '客户再次催件，情绪着急。' }));
    const shape = shapeOf([['OPEN', 3], ['WORKING', 3], ['WAIT_OUTLET', 2], ['RESOLVED', 2]]);
    cases.push({
      by: { kind: 'HQ' },
      at,
      input: { kind: 'URGE', reason, channel: random.pick(['PHONE', 'APP', 'ONLINE_CHAT']), title: TITLES[reason], description: words(reason), waybillNo: w.waybillNo, ...caller('RECIPIENT') },
      steps: stepsFor(at, shape, 'DELIVERED', again),
    });
  }

  // 投诉 Complaints: one forwarded by the regulator (12305), one a duplicate merged into the first complaint.
  let firstComplaint: number | null = null;
  for (let i = 0; i < 12; i++) {
    const late = i % 2 === 0;
    const w = take(late ? inTransit : delivered);
    if (!w) continue;
    const reason = late ? 'DELAY' : random.pick(['NOT_DELIVERED_UPSTAIRS', 'COURIER_CONDUCT', 'UNCONSENTED_LOCKER_DROP', 'OVERCHARGED', 'DAMAGED']);
    const regulator = i === 1;
    // The regulator's case: forwarded two days ago with five days to answer, so its deadline is ahead.
    const at = regulator ? new Date(Math.max(now - 2 * DAY, w.createdAt.getTime() + HOUR)) : openedAt(w, 6 * 24 * 60);
    const shape: Shape = regulator ? 'WORKING' : shapeOf([['WORKING', 3], ['WAIT_CUSTOMER', 2], ['ESCALATED', 1], ['RESOLVED', 3], ['OPEN', 1]]);
    cases.push({
      by: { kind: 'HQ' },
      at,
      input: {
        kind: 'COMPLAINT', reason, channel: regulator ? 'REGULATOR_12305' : random.pick(['PHONE', 'APP', 'ECOMMERCE_PLATFORM']),
        title: regulator ? `12305申诉：${TITLES[reason]}` : TITLES[reason], description: words(reason), waybillNo: w.waybillNo, ...caller('RECIPIENT'),
        ...(regulator ? { regulatorCaseNo: `YZ12305-${new Date(at).getUTCFullYear()}-${random.digits(6)}`, regulatorDeadline: new Date(at.getTime() + 5 * DAY) } : {}),
      },
      steps: stepsFor(at, shape, random.pick(['COMPLAINT_UPHELD', 'COMPENSATED', 'NO_FAULT_FOUND'])),
    });
    if (!regulator && firstComplaint === null && shape !== 'RESOLVED') {
      firstComplaint = cases.length - 1;
      // The same customer complained again on the e-commerce platform: a second ticket, merged into the first.
      const first = cases[firstComplaint];
      const dupAt = new Date(first.at.getTime() + (now - first.at.getTime()) / 3);
      cases.push({ by: { kind: 'HQ' }, at: dupAt, input: { ...first.input, channel: 'ECOMMERCE_PLATFORM', description: '电商平台转来同一投诉。' }, steps: [] });
      merges.push({ source: cases.length - 1, target: firstComplaint, at: new Date(now - 5 * MINUTE) });
    }
  }

  // 不上楼 A "not delivered upstairs" complaint against the partner outlet, opened two days ago and
  // never answered with a photo or recording: lost on evidence, so the claims demo can fine it and
  // the partner dispute the fine (its outlet must be the one that delivers, or at least a party).
  const upstairs = partners.find((w) => w.destinationOutletId === partner && DELIVERED.has(w.status) && !used.has(w.waybillNo)) ?? take(partners);
  if (upstairs) {
    used.add(upstairs.waybillNo);
    const at = new Date(Math.max(now - 2 * DAY, upstairs.createdAt.getTime() + HOUR));
    cases.push({
      by: { kind: 'HQ' },
      at,
      input: {
        kind: 'COMPLAINT', reason: 'NOT_DELIVERED_UPSTAIRS', channel: 'PHONE', title: TITLES.NOT_DELIVERED_UPSTAIRS, description: words('NOT_DELIVERED_UPSTAIRS'),
        waybillNo: upstairs.waybillNo, responsibleOutletId: partner, ...caller('RECIPIENT'),
      },
      steps: [],
    });
  }

  // 问题件 Problem parcels between the partner outlet and another: half registered by the partner, half by the other outlet.
  const problemReasons = ['ADDRESS_UNCLEAR', 'RECIPIENT_UNREACHABLE', 'LABEL_DAMAGED', 'MISSORTED', 'REFUSED', 'OUT_OF_AREA', 'ADDRESS_CHANGE', 'NON_COMPLIANT_PACKING', 'DAMAGED', 'ADDRESS_UNCLEAR'];
  for (let i = 0; i < problemReasons.length; i++) {
    const w = take(twoOutlets);
    if (!w) break;
    const other = w.originOutletId === partner ? (w.destinationOutletId as string) : w.destinationOutletId === partner ? (w.originOutletId as string) : (w.destinationOutletId as string);
    const registering = i % 2 === 0 ? partner : other;
    const answering = registering === partner ? other : partner;
    const reason = problemReasons[i];
    const at = openedAt(w, 48 * 60);
    const shape = shapeOf([['OPEN', 3], ['WAIT_OUTLET', 3], ['WORKING', 2], ['RESOLVED', 2]]);
    cases.push({
      by: { kind: 'OUTLET', outletId: registering },
      at,
      input: { kind: 'PROBLEM_PARCEL', reason, channel: 'OUTLET', title: `问题件：${TITLES[reason]}`, description: words(reason), waybillNo: w.waybillNo, responsibleOutletId: registering, counterpartOutletId: answering },
      steps: stepsFor(at, shape, random.pick(['REDELIVERED', 'ADDRESS_CORRECTED', 'RETURNED_TO_SENDER'])),
    });
  }

  // 签收未收到 Signed but not received: delivered parcels; HIGH by default (a fineable case).
  for (let i = 0; i < 6; i++) {
    const w = take(delivered);
    if (!w) continue;
    const reason = random.pick(['CAUSE_UNKNOWN', 'CAUSE_UNKNOWN', 'SIGNED_BY_OTHER', 'UNCONSENTED_LOCKER_DROP']);
    const at = openedAt(w, 48 * 60);
    const shape = shapeOf([['WORKING', 2], ['WAIT_OUTLET', 2], ['RESOLVED', 1], ['OPEN', 1]]);
    cases.push({
      by: { kind: 'HQ' },
      at,
      input: { kind: 'SIGNED_NOT_RECEIVED', reason, channel: random.pick(['PHONE', 'APP']), title: TITLES[reason], description: words(reason), waybillNo: w.waybillNo, ...caller('RECIPIENT') },
      steps: stepsFor(at, shape, random.pick(['DELIVERED', 'NO_FAULT_FOUND'])),
    });
  }

  return { cases, merges };
}
