import { hoursBetween } from '@courierdesk/domain-sla';
import type { ServiceLevel } from './eta';
import type { TrackedState } from './parcel-state';

/** One door-to-door duration on a lane (线路时效样本): pickup (揽收) to signature (签收). */
export interface LaneSample {
  waybillNo: string;
  laneKey: string;
  serviceLevel: ServiceLevel;
  pickedUpAt: Date;
  signedAt: Date;
  hours: number;
}

/** The lane sample a waybill in this state gives: signed for on its way to the recipient, after a pickup scan. */
export function laneSampleOf(waybill: { waybillNo: string; laneKey: string; serviceLevel: ServiceLevel }, state: TrackedState): LaneSample | null {
  if (state.onReturn || !state.signedAt || !state.pickedUpAt) return null;
  const hours = hoursBetween(state.pickedUpAt, state.signedAt);
  // A signature before the pickup scan is a scanner clock problem, not a duration worth learning from.
  if (!(hours > 0)) return null;
  return { waybillNo: waybill.waybillNo, laneKey: waybill.laneKey, serviceLevel: waybill.serviceLevel, pickedUpAt: state.pickedUpAt, signedAt: state.signedAt, hours };
}

/** True when two samples say the same (no write needed). */
export const sameSample = (a: LaneSample | null, b: LaneSample | null): boolean =>
  a?.signedAt.getTime() === b?.signedAt.getTime() && a?.pickedUpAt.getTime() === b?.pickedUpAt.getTime();
