/** The audit pages' messages in Danish and English; the type makes both have every key. */

export const auditDa = {
  'outbox.title': 'Udbakke',
  'outbox.lead': 'De nyeste mails fra Samspil. Klik på en mail for at læse den.',
  'outbox.noSmtp': 'Der er ingen mailserver sat op, så mails bliver liggende her.',
  'outbox.empty': 'Ingen mails endnu',
  'outbox.personalTo': 'personlig mail',
  'outbox.personalBody':
    'En personlig mail (invitation, påmindelse eller borgerens link eller kode): modtager og tekst vises ikke, så ingen kan se, hvem der har svaret, eller bruge andres links.',
  'outbox.devViewer':
    'Personlige links og koder vises aldrig her. Prøver du Samspil uden mailserver, så åbn /dev/mail på den maskine, Samspil kører på: den viser kun demokommunens mails og findes ikke i produktion.',
  'audit.title': 'Aktivitetslog',
  'audit.lead': 'Hvem har gjort hvad i kommunens Samspil. Nyeste først.',
  'audit.caption': 'De nyeste hændelser',
  'audit.limit': 'Vis',
  'audit.limit.option': 'seneste {count}',
  'audit.refresh': 'Opdatér',
  'audit.empty': 'Loggen er tom.',
  'audit.system': 'System',
  'audit.col.at': 'Tidspunkt',
  'audit.col.user': 'Bruger',
  'audit.col.action': 'Handling',
  'audit.col.entity': 'Objekt',
  'audit.col.detail': 'Detaljer',
} as const;

export const auditEn: Record<keyof typeof auditDa, string> = {
  'outbox.title': 'Outbox',
  'outbox.lead': 'The newest mails from Samspil. Click a mail to read it.',
  'outbox.noSmtp': 'No mail server is configured, so mails stay here.',
  'outbox.empty': 'No mails yet',
  'outbox.personalTo': 'personal mail',
  'outbox.personalBody':
    "A personal mail (invitation, reminder, or a citizen's link or code): its recipient and text are not shown, so nobody can see who has answered or use someone else's link.",
  'outbox.devViewer':
    "Personal links and codes are never shown here. To try Samspil without a mail server, open /dev/mail on the machine Samspil runs on: it shows only the demo municipality's mail and does not exist in production.",
  'audit.title': 'Audit log',
  'audit.lead': "Who did what in the municipality's Samspil. Newest first.",
  'audit.caption': 'The newest events',
  'audit.limit': 'Show',
  'audit.limit.option': 'latest {count}',
  'audit.refresh': 'Refresh',
  'audit.empty': 'The log is empty.',
  'audit.system': 'System',
  'audit.col.at': 'Time',
  'audit.col.user': 'User',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Object',
  'audit.col.detail': 'Details',
};
