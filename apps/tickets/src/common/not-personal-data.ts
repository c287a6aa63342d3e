/**
 * Fields whose names sound like a person's datum but are not (the schema walk in
 * tickets.personal-data.int-spec.ts holds every other such field to `@PersonalData`). Each entry
 * says why; a field that starts carrying a person's data leaves this list and gets declared.
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {};
