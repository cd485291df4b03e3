/** The case-analysis pages' messages in Danish and English; the type makes both have every key. */

export const caseAnalysisDa = {
  'caseLevel.nav': 'Forløbsanalyse',
  'caseLevel.title': 'Relationel kapacitet på tværs af forløb',
  'caseLevel.lead':
    'Hvert punkt er et forløb med en lukket enkeltsagsanalyse: forløbets relationelle kapacitet mod borgerens oplevede sammenhæng og mod antallet af enheder. Punkterne er afrundede og viser ikke, hvilket forløb de er.',
  'caseLevel.cases': 'Forløb med enkeltsagsanalyse: {courses}. Med vist resultat: {cases}.',
  'caseLevel.citizen': 'Borgerens oplevede sammenhæng mod forløbets relationelle kapacitet',
  'caseLevel.units': 'Forløbets relationelle kapacitet mod antal enheder',
  'caseLevel.rk': 'Forløbets RK',
  'caseLevel.citizenScore': 'Borgerens score',
  'caseLevel.unitCount': 'Antal enheder',
  'caseLevel.tooFew': 'Vises først med mindst {min} forløb (nu {n}).',
  'caseLevel.slope': 'Hældning',
  'caseLevel.intercept': 'Skæring',
  'caseLevel.r': 'r',
  'caseLevel.p': 'p',
  'caseLevel.n': 'Antal forløb',
  'caseLevel.elasticity': 'Elasticitet',
  'caseLevel.table': 'Vis punkterne som tabel',
  'caseLevel.did': 'Indsats mod kontrol (forskel i forskelle)',
  'caseLevel.noDid': 'Kræver forløb i begge grupper med to viste målinger (før og efter).',
  'caseLevel.empty.title': 'Ingen enkeltsagsanalyser endnu',
  'caseLevel.empty.text':
    'Siden fyldes, når sagsbehandlerne har lavet og lukket en enkeltsagsanalyse i borgerforløbene (fanen Enkeltsag i et forløb). Tallene vises først, når der er mindst {min} forløb, så ingen borger kan genkendes.',
  'caseLevel.didValue': 'Forskel i forskelle: {did} (95 % KI {ci}, p = {p})',
  'caseLevel.didCells': 'Gennemsnit af fagpersonernes relationelle kapacitet',
  'caseLevel.arm': 'Gruppe',
  'caseLevel.before': 'Før',
  'caseLevel.after': 'Efter',
} as const;

export const caseAnalysisEn: Record<keyof typeof caseAnalysisDa, string> = {
  'caseLevel.nav': 'Course analysis',
  'caseLevel.title': 'Relational capacity across courses',
  'caseLevel.lead':
    "Each point is a course with a closed case analysis: the course's relational capacity against the citizen's experienced coherence and against the number of units. Points are rounded and do not say which course they are.",
  'caseLevel.cases': 'Courses with a case analysis: {courses}. With a shown result: {cases}.',
  'caseLevel.citizen':
    "The citizen's experienced coherence against the course's relational capacity",
  'caseLevel.units': "The course's relational capacity against the number of units",
  'caseLevel.rk': 'Course RK',
  'caseLevel.citizenScore': "Citizen's score",
  'caseLevel.unitCount': 'Number of units',
  'caseLevel.tooFew': 'Shown from {min} courses (now {n}).',
  'caseLevel.slope': 'Slope',
  'caseLevel.intercept': 'Intercept',
  'caseLevel.r': 'r',
  'caseLevel.p': 'p',
  'caseLevel.n': 'Courses',
  'caseLevel.elasticity': 'Elasticity',
  'caseLevel.table': 'Show the points as a table',
  'caseLevel.did': 'Intervention against control (difference in differences)',
  'caseLevel.noDid': 'Needs courses in both arms with two shown measurements (before and after).',
  'caseLevel.empty.title': 'No case analyses yet',
  'caseLevel.empty.text':
    'This page fills once caseworkers have made and closed a case analysis in the citizen courses (the Enkeltsag tab of a course). Figures show from {min} courses, so no citizen can be recognised.',
  'caseLevel.didValue': 'Difference in differences: {did} (95 % CI {ci}, p = {p})',
  'caseLevel.didCells': 'Mean relational capacity of the professionals',
  'caseLevel.arm': 'Arm',
  'caseLevel.before': 'Before',
  'caseLevel.after': 'After',
};
