import { thrownCode } from '@courierdesk/domain-core/testing';
import { chinaTime } from '@courierdesk/domain-sla';
import { CANNED_REPLIES, MISSING_VALUE_TEXT, PLACEHOLDERS, WaybillFacts, cannedRepliesFor, placeholdersOf, renderReply, validateTemplate } from './canned-reply';
import { REOPEN_WINDOW_DAYS } from './ticket.transitions';
import { TICKET_KINDS } from './ticket.vocabulary';

const now = chinaTime(2026, 12, 2, 10, 0);
const full: WaybillFacts = {
  waybillNo: 'CD000000000017',
  statusLabel: '派送中',
  lastScanAt: chinaTime(2026, 12, 2, 8, 15),
  lastScanPlace: '杭州西湖网点',
  etaFrom: chinaTime(2026, 12, 2, 12),
  etaTo: chinaTime(2026, 12, 2, 18),
  courierName: '王师傅',
  courierPhone: '13800138000',
  outletName: '杭州西湖网点',
  chargeCheckZh: '按揽收时有效的资费 tariff-2026.2：应收 23.00元，实收 53.00元，多收 30.00元，应予退还。',
};

describe('placeholders', () => {
  it.each([
    ['您好{{waybillNo}}', ['waybillNo']],
    ['{{ waybillNo }} 与 {{eta}} 再次 {{waybillNo}}', ['waybillNo', 'eta']],
    ['{{foo}}{{eta}}', ['foo', 'eta']],
    ['没有变量', []],
    ['{{waybillNo', []],
  ])('%j uses %j', (body, names) => expect(placeholdersOf(body)).toEqual(names));

  it.each([
    ['{{waybillNo}}{{status}}{{lastScanAt}}{{lastScanPlace}}{{eta}}{{courierName}}{{courierPhone}}{{outletName}}', undefined],
    ['{{ eta }}', undefined],
    ['{{waybillno}}', 'PLACEHOLDER_UNKNOWN'],
    ['{{recipientPhone}}', 'PLACEHOLDER_UNKNOWN'],
    ['{{}}', 'PLACEHOLDER_UNKNOWN'],
    ['{{waybillNo', 'TEMPLATE_MALFORMED'],
    ['waybillNo}}', 'TEMPLATE_MALFORMED'],
    ['{{eta}} }}', 'TEMPLATE_MALFORMED'],
    ['单个 { 括号 } 可以', undefined],
  ])('validates %j → %s', (body, code) => expect(thrownCode(() => validateTemplate(body))).toBe(code));

  it('names the unknown placeholders', () => {
    try {
      validateTemplate('{{eta}}{{foo}}{{bar}}');
      throw new Error('no throw');
    } catch (error) {
      expect(error).toMatchObject({ code: 'PLACEHOLDER_UNKNOWN', kind: 'BAD_USER_INPUT', details: { unknown: ['foo', 'bar'] } });
    }
  });
});

describe('renderReply', () => {
  it.each([
    ['{{waybillNo}}', 'CD000000000017'],
    ['{{status}}', '派送中'],
    ['{{lastScanAt}}', '今天 08:15'],
    ['{{lastScanPlace}}', '杭州西湖网点'],
    ['{{eta}}', '今天'],
    ['{{courierName}}（{{courierPhone}}）', '王师傅（13800138000）'],
    ['{{outletName}}', '杭州西湖网点'],
    ['{{chargeCheck}}', '按揽收时有效的资费 tariff-2026.2：应收 23.00元，实收 53.00元，多收 30.00元，应予退还。'],
  ])('fills %s → %s', (body, text) => expect(renderReply(body, full, now)).toEqual({ text, missing: [] }));

  it('renders times in China time without `now`, with the year', () =>
    expect(renderReply('{{lastScanAt}}', full).text).toBe('2026年12月2日 08:15'));

  it.each([
    [{ waybillNo: 'CD1' }, '{{eta}}/{{status}}/{{eta}}', `${MISSING_VALUE_TEXT}/${MISSING_VALUE_TEXT}/${MISSING_VALUE_TEXT}`, ['eta', 'status']],
    [{ ...full, courierName: '  ' }, '{{courierName}}', MISSING_VALUE_TEXT, ['courierName']],
    [{ ...full, courierPhone: null }, '{{courierName}}{{courierPhone}}', `王师傅${MISSING_VALUE_TEXT}`, ['courierPhone']],
    [{ ...full, waybillNo: '' }, '{{waybillNo}}', MISSING_VALUE_TEXT, ['waybillNo']],
    [{ ...full, etaFrom: null }, '{{eta}}', '今天前', []],
    [{ ...full, chargeCheckZh: null }, '核实：{{chargeCheck}}', `核实：${MISSING_VALUE_TEXT}`, ['chargeCheck']],
  ])('says plainly what is missing %#', (facts, body, text, missing) => expect(renderReply(body, facts, now)).toEqual({ text, missing }));

  it('never fills a value a second time', () =>
    expect(renderReply('{{outletName}}{{eta}}', { waybillNo: 'x', outletName: '{{waybillNo}}网点' }, now).text).toBe(`{{waybillNo}}网点${MISSING_VALUE_TEXT}`));

  it('refuses an unknown placeholder rather than sending braces', () =>
    expect(thrownCode(() => renderReply('{{etaa}}', full, now))).toBe('PLACEHOLDER_UNKNOWN'));
});

describe('CANNED_REPLIES', () => {
  it('has at least 8 replies with unique codes', () => {
    expect(CANNED_REPLIES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(CANNED_REPLIES.map((r) => r.code)).size).toBe(CANNED_REPLIES.length);
  });

  it.each(CANNED_REPLIES.map((r) => [r.code, r] as const))('%s is valid Chinese and fills completely from full facts', (_code, reply) => {
    expect(validateTemplate(reply.body)).toBe(reply.body);
    expect(reply.body).toMatch(/[\u4e00-\u9fff]/);
    expect(reply.kinds.length).toBeGreaterThan(0);
    const rendered = renderReply(reply.body, full, now);
    expect(rendered.missing).toEqual([]);
    expect(rendered.text).not.toMatch(/\{\{|\}\}|undefined|null/);
    expect(rendered.text).toContain('CD000000000017');
  });

  it('uses every placeholder somewhere', () =>
    expect([...new Set(CANNED_REPLIES.flatMap((r) => placeholdersOf(r.body)))].sort()).toEqual([...PLACEHOLDERS].sort()));

  it('offers a reply for every kind', () => {
    for (const kind of TICKET_KINDS) expect(cannedRepliesFor(kind).length).toBeGreaterThan(0);
  });

  it.each([
    ['COMPLAINT_ACKNOWLEDGED', '7日内'],
    ['RECIPIENT_UNREACHABLE', '7天内'],
    ['RESOLVED_NOTICE', `${REOPEN_WINDOW_DAYS}天内`],
  ])('%s states the time limit %s', (code, text) => expect(CANNED_REPLIES.find((r) => r.code === code)?.body).toContain(text));

  it('offers the complaint acknowledgement for complaints only', () => {
    expect(cannedRepliesFor('COMPLAINT').map((r) => r.code)).toContain('COMPLAINT_ACKNOWLEDGED');
    expect(cannedRepliesFor('INQUIRY').map((r) => r.code)).not.toContain('COMPLAINT_ACKNOWLEDGED');
  });
});
