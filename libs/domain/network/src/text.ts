import { NetworkRuleError } from './network.errors';

/** Full-width ASCII forms (Ｕ+FF01–FF5E, ideographic space) folded to half-width; Chinese characters untouched. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Length in Unicode code points, so a rare character outside the BMP counts once. */
export const codePointLength = (text: string): number => [...text].length;

/** A display name trimmed and with inner whitespace runs collapsed; EMPTY_NAME / NAME_TOO_LONG otherwise. */
export function normalizeName(raw: string, maxLength: number, field = 'name'): string {
  const name = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (name === '') throw new NetworkRuleError('EMPTY_NAME', `${field} must not be empty`, { field });
  const length = codePointLength(name);
  if (length > maxLength) {
    throw new NetworkRuleError('NAME_TOO_LONG', `${field} is ${length} characters, at most ${maxLength} allowed`, {
      field,
      length,
      maxLength,
    });
  }
  return name;
}
