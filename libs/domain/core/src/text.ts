/** True when any string in the value (deeply) holds U+0000, which PostgreSQL text cannot store. */
export const containsNul = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).some(containsNul);
  return false;
};
