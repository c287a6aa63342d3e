import { registerEnumType } from 'type-graphql';
import { ContactRole, EscalationTopic, LandmarkKind, OutletKind } from '@courierdesk/domain-network';

// The GraphQL enums are the domain's vocabularies, registered once; values never drift from the rules.
registerEnumType(OutletKind, { name: 'OutletKind', description: 'How an outlet is run: 直营 DIRECT, 加盟 FRANCHISE, 驿站/代收点 PARTNER_STATION.' });
registerEnumType(LandmarkKind, { name: 'LandmarkKind', description: 'What a landmark (地标) in a delivery area is.' });
registerEnumType(ContactRole, { name: 'ContactRole', description: 'Who a contact is: courier, 到件客服, 出发客服, 网点负责人, 分拨中心客服, 总部客服.' });
registerEnumType(EscalationTopic, { name: 'EscalationTopic', description: 'What the problem is about; decides whom to call first (升级链).' });

/** Which name of a delivery area matched a "who delivers here" search. */
export const AreaMatchReason = { STREET: 'STREET', AREA_NAME: 'AREA_NAME', LANDMARK: 'LANDMARK' } as const;
registerEnumType(AreaMatchReason, { name: 'AreaMatchReason', description: 'Which name of the area matched: its street (街道), its own name, or a landmark.' });

/** How closely a "who delivers here" search matched. */
export const AreaMatchQuality = { EXACT: 'EXACT', CORE: 'CORE', CONTAINS: 'CONTAINS' } as const;
registerEnumType(AreaMatchQuality, { name: 'AreaMatchQuality', description: 'EXACT text, CORE name without suffix (南山 ~ 南山街道), or one CONTAINS the other.' });

export { ContactRole, EscalationTopic, LandmarkKind, OutletKind };
