import { CommentAccess, CommentViewer, canReadComment, readableComments } from './visibility';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const ticket = { outletIds: [A, B] };
const hq: CommentViewer = { hq: true, outletId: null };
const outletA: CommentViewer = { hq: false, outletId: A };
const outletAUpper: CommentViewer = { hq: false, outletId: A.toUpperCase() };
const outletB: CommentViewer = { hq: false, outletId: B };
const outletC: CommentViewer = { hq: false, outletId: C };
const nobody: CommentViewer = { hq: false, outletId: null };

const note = (visibility: CommentAccess['visibility'], authorOutletId: string | null): CommentAccess => ({ visibility, authorOutletId });

describe('canReadComment (备注可见性)', () => {
  it.each([
    ['HQ', hq, note('INTERNAL', null), true],
    ['HQ', hq, note('INTERNAL', A), true],
    ['HQ', hq, note('SHARED', B), true],
    ['HQ', hq, note('CUSTOMER', null), true],
    ['a party outlet', outletA, note('CUSTOMER', null), true],
    ['a party outlet', outletA, note('SHARED', B), true],
    ['a party outlet', outletA, note('SHARED', null), true],
    ['a party outlet', outletA, note('INTERNAL', A), true],
    ['a party outlet, id in upper case', outletAUpper, note('INTERNAL', A), true],
    ['a party outlet', outletA, note('INTERNAL', B), false],
    ['a party outlet', outletA, note('INTERNAL', null), false],
    ['the other party outlet', outletB, note('INTERNAL', A), false],
    ['the other party outlet', outletB, note('INTERNAL', B), true],
    ['an outlet not party', outletC, note('CUSTOMER', null), false],
    ['an outlet not party', outletC, note('SHARED', A), false],
    ['an outlet not party, author of an internal note', outletC, note('INTERNAL', C), false],
    ['nobody', nobody, note('CUSTOMER', null), false],
    ['nobody', nobody, note('INTERNAL', null), false],
  ] as const)('%s reading %o → %s', (_name, viewer, comment, ok) => expect(canReadComment(viewer, comment, ticket)).toBe(ok));

  it('filters a list, keeping its order', () => {
    const comments = [{ id: 1, ...note('INTERNAL', null) }, { id: 2, ...note('CUSTOMER', null) }, { id: 3, ...note('INTERNAL', A) }, { id: 4, ...note('SHARED', B) }];
    expect(readableComments(outletA, comments, ticket).map((c) => c.id)).toEqual([2, 3, 4]);
    expect(readableComments(outletB, comments, ticket).map((c) => c.id)).toEqual([2, 4]);
    expect(readableComments(hq, comments, ticket).map((c) => c.id)).toEqual([1, 2, 3, 4]);
  });
});
