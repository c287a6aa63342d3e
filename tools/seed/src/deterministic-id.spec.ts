import { demoId, uuidV5 } from './deterministic-id';

const DNS_NAMESPACE = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');

describe('uuidV5', () => {
  it('matches the RFC 4122 / Python uuid5 reference value', () =>
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2'));

  it.each([
    ['outlet', '440305-001'],
    ['courier', '440305-001-001'],
  ])('demoId(%s, %s) is a stable version-5 UUID', (kind, key) => {
    expect(demoId(kind, key)).toBe(demoId(kind, key));
    expect(demoId(kind, key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives different kinds with the same key different ids', () =>
    expect(demoId('outlet', '440305-001')).not.toBe(demoId('courier', '440305-001')));
});
