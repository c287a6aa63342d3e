/**
 * The id of a ScanEvent: its primary key (waybill number, event time to the microsecond, scanner
 * event id), base64url-encoded JSON. Opaque to clients; resolving it reads one row through the key
 * index, in the one partition its time names — no extra id column or index on the volume table.
 */
export interface ScanEventKey {
  waybillNo: string;
  eventUs: string;
  scannerEventId: string;
}

export function encodeScanEventId(key: ScanEventKey): string {
  return Buffer.from(JSON.stringify([key.waybillNo, key.eventUs, key.scannerEventId]), 'utf8').toString('base64url');
}

/** The key an id names, or null for anything that is not one of ours. */
export function decodeScanEventId(id: unknown): ScanEventKey | null {
  if (typeof id !== 'string' || id.length > 400) return null;
  try {
    const value = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'string')) return null;
    const [waybillNo, eventUs, scannerEventId] = value as string[];
    if (!/^CD\d{12}$/.test(waybillNo) || !/^-?\d{1,17}$/.test(eventUs) || scannerEventId.length < 1 || scannerEventId.length > 64) return null;
    return { waybillNo, eventUs, scannerEventId };
  } catch {
    return null;
  }
}
