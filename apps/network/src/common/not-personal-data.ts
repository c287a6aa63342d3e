/**
 * Fields whose names sound like a person's datum but are not (the schema walk in
 * network.personal-data.int-spec.ts holds every other such field to `@PersonalData`). Each entry
 * says why; a field that starts carrying a person's data leaves this list and gets declared.
 */
export const NOT_PERSONAL_DATA: Readonly<Record<string, string>> = {
  'Outlet.name': 'The outlet’s business name (网点名称), on its signboard and every waybill.',
  'Outlet.address': 'Business premises where customers hand parcels in (营业地址), published to customers.',
  'Outlet.provinceName': 'An administrative division (省).',
  'Outlet.cityName': 'An administrative division (市).',
  'Outlet.districtName': 'An administrative division (区县).',
  'District.name': 'An administrative division (区县) of the national register.',
  'District.cityName': 'An administrative division (市).',
  'District.provinceName': 'An administrative division (省).',
  'TransitCentre.name': 'A hub’s business name (分拨中心).',
  'TransitCentre.address': 'A hub’s premises, a logistics site.',
  'DeliveryArea.name': 'The name of a delivery area (承包区), a place.',
  'DeliveryArea.streetName': 'A town or street (乡镇街道) of the national register, a place.',
  'Landmark.name': 'A school, compound, unit or major customer (a business) inside an area: a place, never a private person.',
};
