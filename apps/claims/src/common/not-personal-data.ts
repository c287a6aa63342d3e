/**
 * Fields whose names sound like a person's datum but are not (the compose check holds every other
 * such field to `@PersonalData`). Each entry says why.
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {};
