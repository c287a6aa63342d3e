import { createHash } from 'node:crypto';

/** Namespace of every demo id (a fixed random UUID), so ids never collide with another generator's. */
export const DEMO_NAMESPACE = '6f1c5a9e-3b7d-4e2a-9c41-2d8b0f7e5a13';

const namespaceBytes = Buffer.from(DEMO_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 version-5 UUID (SHA-1 of namespace + name): the same name always gives the same id. */
export function uuidV5(name: string, namespace: Buffer = namespaceBytes): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The demo id of an entity, from its kind and stable business key (e.g. `outlet`, `440305-001`). */
export const demoId = (kind: string, key: string): string => uuidV5(`${kind}:${key}`);
