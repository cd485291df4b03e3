/** The demo municipality's organisation: realistic Danish units, kinds and sizes. */
import type { UnitKind } from '../../contract/org.js';

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  area: string;
  people: number;
}

export const DEMO_MUNICIPALITY = { name: 'Samspil Demokommune', slug: 'demo' } as const;

export const DEMO_UNITS: readonly DemoUnit[] = [
  { name: 'Jobcenter', kind: 'myndighed', area: 'Beskæftigelse', people: 24 },
  { name: 'Ungeindsatsen', kind: 'myndighed', area: 'Beskæftigelse', people: 12 },
  { name: 'UU-vejledning', kind: 'udfører', area: 'Beskæftigelse', people: 8 },
  { name: 'Socialafdelingen voksne', kind: 'myndighed', area: 'Social og Sundhed', people: 18 },
  { name: 'Misbrugscenter', kind: 'udfører', area: 'Social og Sundhed', people: 14 },
  { name: 'Bostøtte', kind: 'udfører', area: 'Social og Sundhed', people: 16 },
  { name: 'Sundhedspleje', kind: 'udfører', area: 'Børn og Unge', people: 9 },
  { name: 'Familieafdelingen', kind: 'myndighed', area: 'Børn og Unge', people: 20 },
  { name: 'Børne- og ungerådgivning', kind: 'myndighed', area: 'Børn og Unge', people: 15 },
  { name: 'Skole', kind: 'udfører', area: 'Børn og Unge', people: 28 },
  { name: 'Egen læge', kind: 'ekstern', area: 'Eksterne samarbejdspartnere', people: 6 },
  { name: 'Regionspsykiatrien', kind: 'ekstern', area: 'Eksterne samarbejdspartnere', people: 10 },
];

export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Lene',
  'Susanne',
  'Camilla',
  'Louise',
  'Maria',
  'Sofie',
  'Ida',
  'Peter',
  'Jens',
  'Lars',
  'Henrik',
  'Søren',
  'Thomas',
  'Mads',
  'Rasmus',
  'Anders',
  'Jesper',
  'Karen',
  'Birgitte',
  'Pernille',
  'Signe',
  'Mikkel',
  'Morten',
  'Niels',
  'Kasper',
  'Line',
  'Julie',
] as const;

export const LAST_NAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Holm',
  'Lund',
  'Bach',
  'Dahl',
] as const;

/** The demo logins, printed at start. The password is for local demo use only. */
export const DEMO_PASSWORD = 'samspil-demo-2026';
export const DEMO_LOGINS = [
  { email: 'admin@demo.samspil.dk', name: 'Anna Admin', role: 'admin' },
  { email: 'analytiker@demo.samspil.dk', name: 'Aksel Analytiker', role: 'analytiker' },
  { email: 'leder@demo.samspil.dk', name: 'Lise Leder', role: 'leder' },
  { email: 'sagsbehandler@demo.samspil.dk', name: 'Sara Sagsbehandler', role: 'sagsbehandler' },
  { email: 'fagperson@demo.samspil.dk', name: 'Frida Fagperson', role: 'sagsbehandler' },
] as const;
