/** Reading the two parts of a personal link in the light pages, which have no router. */
import { describe, expect, it } from 'vitest';
import { linkParts } from '../../web/src/light-link.js';

describe('linkParts', () => {
  it('reads the id and the token of a survey or citizen link', () => {
    const id = '0b7d3c1e-2f4a-4c55-9a1b-3d2e1f0a9b8c';
    expect(linkParts(`/s/${id}/abc_DEF-123`)).toEqual([id, 'abc_DEF-123']);
    expect(linkParts(`/borger/${id}/tok/`)).toEqual([id, 'tok']);
  });

  it('decodes escaped parts and keeps malformed ones as they are', () => {
    expect(linkParts('/s/a%20b/c')).toEqual(['a b', 'c']);
    expect(linkParts('/s/%E0%A4%A/c')).toEqual(['%E0%A4%A', 'c']);
  });

  it('gives empty parts for a link cut short (the server then answers not found)', () => {
    expect(linkParts('/s/only')).toEqual(['only', '']);
    expect(linkParts('/')).toEqual(['', '']);
  });
});
