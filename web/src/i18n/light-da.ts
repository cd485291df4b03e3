/**
 * Danish messages of the light pages (the survey behind a personal link) and of the
 * shared bits they use (`common.*`). Their own module, so a respondent's phone downloads
 * these and not the whole staff dictionary; `da.ts` includes them.
 */
export const lightDa = {
  'common.loading': 'Henter …',
  'common.starting': 'Starter Samspil …',
  'common.working': 'Arbejder …',
  'common.retry': 'Prøv igen',
  'common.cancel': 'Annullér',
  'common.close': 'Luk',
  'common.save': 'Gem',
  'common.edit': 'Redigér',
  'common.archive': 'Arkivér',
  'common.restore': 'Gendan',
  'common.dismiss': 'Skjul',
  'common.accessibilityStatement': 'Tilgængelighedserklæring',
  'common.tableScrolls': 'Rul sidelæns for at se alle kolonner →',
  'common.tableRegion': 'Tabel: {label}',
  'common.tooLong': 'Højst {max} tegn.',

  'survey.title': 'Spørgeskema',
  'survey.scale.1': 'Helt uenig',
  'survey.scale.2': 'Uenig',
  'survey.scale.3': 'Hverken enig eller uenig',
  'survey.scale.4': 'Enig',
  'survey.scale.5': 'Meget enig',
  'survey.scale.dk': 'Ved ikke',
  'survey.closed.title': 'Undersøgelsen er lukket',
  'survey.closed.body': 'Det er ikke længere muligt at svare. Tak for din interesse.',
  'survey.notFound.title': 'Linket virker ikke',
  'survey.notFound.body':
    'Vi kan ikke finde en undersøgelse til dette link. Tjek, at du har brugt hele linket fra din mail.',
  'survey.finished.title': 'Du har allerede svaret',
  'survey.finished.body': 'Dine svar er indsendt. Tak for din hjælp!',
  'survey.ownUnit': '{name} (din egen enhed)',
  'survey.ownProfession': '{name} (din egen faggruppe)',
  'survey.done.title': 'Tak for dine svar',
  'survey.done.body': 'Dine svar er gemt og indsendt. Du kan nu lukke siden.',
  'survey.done.use':
    'Svarene bruges til at se, hvor samarbejdet mellem enhederne fungerer godt, og hvor det kan blive bedre.',
  'survey.done.use.profession':
    'Svarene bruges til at se, hvor samarbejdet mellem faggrupperne fungerer godt, og hvor det kan blive bedre.',
  'survey.done.protect':
    'Dine svar er fortrolige. De vises kun samlet for grupper, der er store nok til, at ingen kan genkendes – aldrig for dig alene.',
  'survey.progress': 'Besvaret',
  'survey.progressText': '{answered} af {total} besvaret',
  'survey.saving': 'Gemmer …',
  'survey.saved': 'Gemt',
  'survey.saveError': 'Ikke gemt endnu – vi prøver igen.',
  'survey.resumed':
    'Velkommen tilbage. Dine tidligere svar er gemt, og du fortsætter, hvor du slap.',
  'survey.intro.lead': 'Undersøgelsen handler om samarbejdet om: {process}.',
  'survey.intro.how':
    'Du vælger først de enheder, du arbejder sammen med, og svarer så på nogle få udsagn om hver. Hvert svar gemmes med det samme.',
  'survey.intro.how.profession':
    'Du vælger først de faggrupper, du arbejder sammen med, og svarer så på nogle få udsagn om hver. Hvert svar gemmes med det samme.',
  'survey.intro.how.implementation':
    'Du svarer på nogle få udsagn om, hvordan Én plan bliver brugt i dit arbejde. Svar på alle; "Ved ikke" er også et svar. Hvert svar gemmes med det samme.',
  'survey.implementation.title': 'Én plan i praksis',
  'survey.implementation.hint': 'Hvor enig er du, eller i hvilken grad passer udsagnet?',
  'survey.done.use.implementation':
    'Svarene bruges til at se, hvor godt Én plan er kommet ud i arbejdet, og hvad der kan blive bedre.',
  'survey.intro.privacyTitle': 'Dine svar er fortrolige',
  'survey.intro.privacy':
    'Ingen kan se, hvad du har svaret. Resultater vises kun samlet for grupper med mindst {n} besvarelser.',
  'survey.intro.closes': 'Du kan svare til og med {date}.',
  'survey.start': 'Start',
  'survey.back': 'Tilbage',
  'survey.next': 'Næste',
  'survey.groups.title': 'Hvem arbejder du sammen med?',
  'survey.groups.legend': 'Vælg de enheder, du arbejder sammen med',
  'survey.groups.hint': 'Vælg alle, der passer. Du kan også vælge din egen enhed.',
  'survey.groups.none': 'Vælg mindst én enhed.',
  'survey.groups.legend.profession': 'Vælg de faggrupper, du arbejder sammen med',
  'survey.groups.hint.profession': 'Vælg alle, der passer. Du kan også vælge din egen faggruppe.',
  'survey.groups.none.profession': 'Vælg mindst én faggruppe.',
  'survey.items.title': 'Enhed {index} af {count}',
  'survey.items.titleAll': 'Dit samarbejde med enhederne',
  'survey.items.title.profession': 'Faggruppe {index} af {count}',
  'survey.items.titleAll.profession': 'Dit samarbejde med faggrupperne',
  'survey.items.hint': 'Hvor enig er du i udsagnene om samarbejdet om {process}?',
  'survey.leadership.title': 'Ledelse',
  'survey.leadership.hint': 'Til sidst nogle udsagn om ledelsen af samarbejdet.',
  'survey.leadership.wording':
    'Udsagnene om ledelse er formuleret af Samspil, ikke af forskerne bag målemetoden.',
  'survey.review.title': 'Indsend dine svar',
  'survey.review.complete': 'Du har svaret på alle spørgsmål.',
  'survey.review.missing': 'Du mangler at svare på {count}. Du kan godt indsende alligevel.',
  'survey.review.change': 'Gå tilbage, hvis du vil ændre noget.',
  'survey.submit': 'Indsend svar',
  'survey.confirm.title': 'Indsend dine svar?',
  'survey.confirm.body': 'Når du har indsendt, kan du ikke ændre dine svar.',
  'survey.confirm.yes': 'Ja, indsend',
} as const;

/** The message keys a light page may use. */
export type LightMessageKey = keyof typeof lightDa;
