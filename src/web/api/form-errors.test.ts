import { describe, expect, it } from 'vitest';
import { fieldFor, pathOf } from './form-errors.js';

/** The server names a field by its path; the form marks the input that path points at. */
describe('server field paths → form fields', () => {
  const registered = [
    ['date'],
    ['data', 'note'],
    ['data', 'sanction', 'penalties'],
    ['data', 'sanction', 'amount'],
    ['handlerIds'],
    ['partyUscc'],
  ];
  it.each([
    ['date', ['date']],
    ['/partyUscc', ['partyUscc']],
    ['data.sanction.amount', ['data', 'sanction', 'amount']],
    ['data.noticedOn', undefined],
    ['handlerIds.1', ['handlerIds']],
    ['handlerIds[1]', ['handlerIds']],
    ['data.sanction', ['data', 'sanction', 'penalties']],
    ['action', undefined],
    ['', undefined],
  ])('%s marks %j', (field, expected) => {
    expect(fieldFor(registered, field)).toEqual(expected);
  });

  it('splits paths into names and indexes', () => {
    expect(pathOf('/records/0/sha256')).toEqual(['records', 0, 'sha256']);
  });
});
