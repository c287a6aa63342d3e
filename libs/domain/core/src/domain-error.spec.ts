import { DomainError, errorCodes } from './domain-error';

const TABLE = { WIDGET_MISSING: 'NOT_FOUND', WIDGET_BENT: 'BAD_USER_INPUT' } as const;
type WidgetCode = keyof typeof TABLE;
class WidgetError extends DomainError<WidgetCode> {
  constructor(code: WidgetCode, message: string, details?: Record<string, unknown>) {
    super(code, TABLE[code], message, details);
  }
}

describe('DomainError', () => {
  it.each(errorCodes(TABLE))('%s carries its code, the kind from the table and its own class name', (code) => {
    const err = new WidgetError(code, 'boom', { id: 1 });
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code, kind: TABLE[code], message: 'boom', name: 'WidgetError', details: { id: 1 } });
  });

  it('lists every code of a table', () => expect(errorCodes(TABLE)).toEqual(['WIDGET_MISSING', 'WIDGET_BENT']));
});
