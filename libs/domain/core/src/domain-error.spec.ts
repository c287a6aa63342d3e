import { DomainError, errorCodes, ruleErrorClass } from './domain-error';

const TABLE = { WIDGET_MISSING: 'NOT_FOUND', WIDGET_BENT: 'BAD_USER_INPUT' } as const;
class WidgetError extends ruleErrorClass(TABLE) {}

describe('an area error class from its code table', () => {
  it.each(errorCodes(TABLE))('%s carries its code, the kind from the table and its own class name', (code) => {
    const err = new WidgetError(code, 'boom', { id: 1 });
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code, kind: TABLE[code], message: 'boom', name: 'WidgetError', details: { id: 1 } });
    expect(WidgetError.kindOf(code)).toBe(TABLE[code]);
  });

  it('lists every code of its table, in order', () => expect(WidgetError.codes).toEqual(['WIDGET_MISSING', 'WIDGET_BENT']));

  it('keeps details empty when none are given', () => expect(new WidgetError('WIDGET_BENT', 'bent').details).toEqual({}));
});
