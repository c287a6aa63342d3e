import { registerEnumType } from 'type-graphql';
import { ContactRole, CoverageAnswer, EscalationTopic, LandmarkKind, OutletKind } from '@courierdesk/domain-network';

// The GraphQL enums are the domain's vocabularies, registered once; values never drift from the rules.
registerEnumType(OutletKind, { name: 'OutletKind', description: 'How an outlet is run: 直营 DIRECT, 加盟 FRANCHISE, 驿站/代收点 PARTNER_STATION.' });
registerEnumType(LandmarkKind, { name: 'LandmarkKind', description: 'What a landmark (地标) in a delivery area is.' });
registerEnumType(ContactRole, { name: 'ContactRole', description: 'Who a contact is: courier, 到件客服, 出发客服, 网点负责人, 分拨中心客服, 总部客服.' });
registerEnumType(CoverageAnswer, {
  name: 'CoverageAnswer',
  description: 'Do we deliver here (派送范围): where a parcel to this address ends up.',
  valuesConfig: {
    SERVED: { description: '派送上门: the matched area (or, without text, an area of the district) has a courier now.' },
    SERVED_BY_PICKUP_ONLY: { description: '仅自提: no courier delivers to the door here now; partner stations (驿站、代收点) of the district take the parcel in for self pick-up.' },
    NO_COURIER: { description: '片区暂无快递员: an outlet delivers here but no courier covers the area and no station is in the district; the parcel waits at the outlet.' },
    NOT_SERVED: { description: '超区: no outlet delivers in the district and no partner station takes parcels there.' },
    UNKNOWN_STREET: { description: '未找到街道/地标: the district is served but no area matches the text; ask for the street or a landmark nearby.' },
  },
});
registerEnumType(EscalationTopic, { name: 'EscalationTopic', description: 'What the problem is about; decides whom to call first (升级链).' });

/** Which name of a delivery area matched a "who delivers here" search. */
export const AreaMatchReason = { STREET: 'STREET', AREA_NAME: 'AREA_NAME', LANDMARK: 'LANDMARK' } as const;
registerEnumType(AreaMatchReason, { name: 'AreaMatchReason', description: 'Which name of the area matched: its street (街道), its own name, or a landmark.' });

/** How closely a "who delivers here" search matched. */
export const AreaMatchQuality = { EXACT: 'EXACT', CORE: 'CORE', CONTAINS: 'CONTAINS' } as const;
registerEnumType(AreaMatchQuality, { name: 'AreaMatchQuality', description: 'EXACT text, CORE name without suffix (南山 ~ 南山街道), or one CONTAINS the other.' });

export { ContactRole, CoverageAnswer, EscalationTopic, LandmarkKind, OutletKind };
