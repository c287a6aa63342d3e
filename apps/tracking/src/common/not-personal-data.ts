/**
 * Fields whose names sound like a person's datum but are not (the schema walk in
 * tracking.personal-data.int-spec.ts holds every other such field to `@PersonalData`). Each entry
 * says why; a field that starts carrying a person's data leaves this list and gets declared.
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {
  'CatalogueItem.nameZh': 'the name of a kind of goods in the prohibited-items catalogue (打火机), not of a person',
  'CatalogueItem.nameEn': 'the English name of a kind of goods in the prohibited-items catalogue, not of a person',
};
