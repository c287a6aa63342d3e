import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { randomUUID } from 'node:crypto';

let next = 1_000;

/** A fresh valid waybill number (check digit right), distinct within a test run. */
export const aWaybillNo = (): string => makeWaybillNo(next++ + Math.floor(Math.random() * 1_000_000) * 1000);

/** A fresh outlet id. */
export const anOutletId = (): string => randomUUID();
