/**
 * Fields whose names sound like a person's datum but are not (the schema walk in
 * tracking.personal-data.int-spec.ts holds every other such field to `@PersonalData`). Each entry
 * says why; a field that starts carrying a person's data leaves this list and gets declared.
 * Tracking has none today: its only person-like fields are its customers' (all declared).
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {};
