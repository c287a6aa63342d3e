/**
 * Fields whose names sound like a person's datum but are not (the compose check holds every other
 * such field to `@PersonalData`). Each entry says why.
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {
  'ClaimEvidenceRequirement.nameZh': 'the Chinese name of an evidence item in the liability rules (e.g. 价值证明), the same for every claim: no person’s datum',
};
