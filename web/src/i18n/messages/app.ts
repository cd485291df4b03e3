/** The app pages' messages in Danish and English; the type makes both have every key. */

export const appDa = {
  'layout.skip': 'Spring til indhold',
  'layout.nav': 'Hovedmenu',
  'layout.menu': 'Menu',
  'auth.unlinkedLeader':
    'Din bruger er ikke knyttet til en enhed, du leder. Bed en administrator om at knytte den under Brugere.',
  'layout.logout': 'Log ud',
  'nav.organisation': 'Organisation',
  'nav.users': 'Brugere',
  'nav.audit': 'Aktivitetslog',
  'nav.measurements': 'Målinger',
  'nav.outbox': 'Udbakke',
  'notFound.title': 'Siden findes ikke',
  'notFound.body': 'Adressen er forkert, eller siden er flyttet.',
  'notFound.home': 'Gå til organisationen',
  'forbidden.title': 'Ingen adgang',
  'forbidden.body': 'Din rolle giver ikke adgang til denne side.',
  'layout.account': 'Min konto',
  'nav.analysis': 'Analyse',
  'nav.settings': 'Indstillinger',
  // ---------- Borgerforløb (Én plan): web/src/courses ----------
  'nav.courses': 'Borgerforløb',
  // ---------- end of Borgerforløb ----------
  // Workshops, interventions and the leader's overview (issue 7).
  'nav.workshops': 'Workshops',
  'nav.interventions': 'Ledelsesinterventioner',
  'nav.overview': 'Overblik',
} as const;

export const appEn: Record<keyof typeof appDa, string> = {
  'layout.skip': 'Skip to content',
  'layout.nav': 'Main menu',
  'layout.menu': 'Menu',
  'auth.unlinkedLeader':
    'Your login is not linked to a unit you lead. Ask an administrator to link it under Users.',
  'layout.logout': 'Log out',
  'nav.organisation': 'Organisation',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.measurements': 'Measurements',
  'nav.outbox': 'Outbox',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address is wrong, or the page has moved.',
  'notFound.home': 'Go to the organisation',
  'forbidden.title': 'No access',
  'forbidden.body': 'Your role does not give access to this page.',
  'layout.account': 'My account',
  'nav.analysis': 'Analysis',
  'nav.settings': 'Settings',
  // ---------- Borgerforløb (Én plan): web/src/courses ----------
  'nav.courses': 'Citizen courses',
  // ---------- end of Borgerforløb ----------
  // Workshops, interventions and the leader's overview (issue 7).
  'nav.workshops': 'Workshops',
  'nav.interventions': 'Interventions',
  'nav.overview': 'Overview',
};
