import { stripSuggestions } from './errors';

describe('stripSuggestions', () => {
  it.each([
    ['Cannot query field "nam" on type "Outlet". Did you mean "name"?', 'Cannot query field "nam" on type "Outlet".'],
    ['Value "FRANCHIS" does not exist in "OutletKind" enum. Did you mean the enum value "FRANCHISE"?', 'Value "FRANCHIS" does not exist in "OutletKind" enum.'],
    ['Field "x" is not defined by type "In". Did you mean "y" or "z"?', 'Field "x" is not defined by type "In".'],
    ['Syntax Error: Unexpected Name "foo".', 'Syntax Error: Unexpected Name "foo".'],
  ])('%s', (input, expected) => expect(stripSuggestions(input)).toBe(expected));
});
