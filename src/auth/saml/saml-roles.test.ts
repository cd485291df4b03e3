import { describe, expect, it } from 'vitest';
import { attributeValues, kombitPrivileges, mapRole, namedRoles } from './saml-roles.js';

const list = (xml: string) => Buffer.from(xml).toString('base64');
const KOMBIT = list(`<?xml version="1.0" encoding="UTF-8"?>
<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">
  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:55133018">
    <Privilege>http://aarhus.dk/roles/usersystemrole/samspil-leder/1</Privilege>
    <Privilege> http://aarhus.dk/roles/usersystemrole/samspil-admin/1 </Privilege>
  </PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">
    <Privilege>http://odense.dk/roles/usersystemrole/samspil-admin/1</Privilege>
  </PrivilegeGroup>
</bpp:PrivilegeList>`);

describe('SAML roles', () => {
  it('reads the values node-saml gives: one string, several, or objects with text', () => {
    expect(attributeValues('a')).toEqual(['a']);
    expect(attributeValues(['a', ' b '])).toEqual(['a', 'b']);
    expect(attributeValues([{ _: 'c', $: { 'xsi:type': 'xs:string' } }, 7, null])).toEqual(['c']);
    expect(attributeValues(undefined)).toEqual([]);
  });

  it("reads KOMBIT's privilege list, all scopes or one CVR's", () => {
    expect(kombitPrivileges(KOMBIT, null)).toEqual([
      'http://aarhus.dk/roles/usersystemrole/samspil-leder/1',
      'http://aarhus.dk/roles/usersystemrole/samspil-admin/1',
      'http://odense.dk/roles/usersystemrole/samspil-admin/1',
    ]);
    expect(kombitPrivileges(KOMBIT, '29189846')).toEqual([
      'http://odense.dk/roles/usersystemrole/samspil-admin/1',
    ]);
    expect(kombitPrivileges(KOMBIT, '12345678')).toEqual([]);
  });

  it('takes a plain value as a role name, also when it only looks like base64', () => {
    expect(kombitPrivileges('Samspil-Admins', null)).toBeUndefined();
    expect(kombitPrivileges(list('<Other/>'), null)).toBeUndefined();
    expect(namedRoles(['Samspil-Admins', 'Alle'], null)).toEqual(['Samspil-Admins', 'Alle']);
    expect(namedRoles(KOMBIT, '55133018')).toHaveLength(2);
  });

  it('gives the strongest mapped role, or none', () => {
    const map = {
      'http://aarhus.dk/roles/usersystemrole/samspil-leder/1': 'leder',
      'http://aarhus.dk/roles/usersystemrole/samspil-admin/1': 'admin',
      'http://odense.dk/roles/usersystemrole/samspil-admin/1': 'admin',
    };
    expect(mapRole(namedRoles(KOMBIT, '55133018'), map)).toBe('admin');
    expect(mapRole(['http://aarhus.dk/roles/usersystemrole/samspil-leder/1'], map)).toBe('leder');
    expect(mapRole(['unknown'], map)).toBeUndefined();
    // A map entry that is no Samspil role gives nothing.
    expect(mapRole(['x'], { x: 'superuser' })).toBeUndefined();
  });
});
