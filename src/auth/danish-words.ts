/**
 * Danish words people build passwords from, most common first, for the strength check's
 * dictionary. There is no Danish dictionary package for zxcvbn-ts on npm, so this short
 * list is kept here: password words, seasons, months and days, places and clubs, pets and
 * endearments, and the commonest first names and surnames (Danmarks Statistik's lists).
 * Words with æ, ø or å are also checked in their ae/oe/aa spellings.
 */
const WORDS = `
kodeord adgangskode password hemmelig hemmeligt sommer vinter forår efterår sommerfugl
kærlighed elsker elskerdig jegelskerdig hejmeddig hejsa hej velkommen kommune kommunen
jobcenter borger borgere sagsbehandler medarbejder leder skole børnehave sygehus hospital
danmark dansk danske dannebrog københavn kbh aarhus århus odense aalborg esbjerg randers
kolding horsens vejle roskilde herning silkeborg næstved fredericia viborg køge holstebro
taastrup slagelse hillerød sønderborg svendborg hjørring frederikshavn haderslev skive
ringsted nyborg thisted ikast grenaa skagen ribe tønder fyn jylland sjælland bornholm
lolland falster amager nørrebro vesterbro østerbro frederiksberg valby brøndby fck agf
aab fcm midtjylland nordsjælland superliga landsholdet fodbold håndbold badminton
januar februar marts april maj juni juli august september oktober november december
mandag tirsdag onsdag torsdag fredag lørdag søndag weekend ferie sommerferie juleferie
jul julemand julenisse nisse påske pinse nytår fødselsdag
hund hunden hvalp kat katten killing hest hesten pony kanin hamster marsvin fisk fugl
mis missekat miss snuske nuser musse mus skat skatter skattebasse kæreste elskede
mor far mormor morfar farmor farfar bedstemor bedstefar søster bror familie børn barn
baby prinsesse prins konge dronning kongen dronningen ridder viking vikinger odin thor
freja loki valhalla engel djævel drage trold
solskin sol måne stjerne stjerner himmel regnbue blomst blomster rose skov strand hav
sø ø fjord bakke mark have huset hjem hjemme hjerte lykke lykkelig glad sød dejlig smuk
frihed fremtid drøm drømme håb tro gud jesus kristus
rød blå grøn gul sort hvid lilla lyserød orange brun grå guld sølv
øl vin snaps carlsberg tuborg lego hygge hyggelig smørrebrød rødgrød fløde kage
chokolade lakrids jordbær æble banan pizza burger kaffe te mælk is slik
bil cykel båd tog fly computer telefon mobil internet spil
abc qwerty qwertyuiop asdfgh zxcvbn æøå
anne kirsten mette hanne anna helle susanne lene maria marianne lone camilla pia
louise charlotte tina gitte bente jette karen inge birgitte lotte rikke dorte
peter jens lars michael henrik thomas søren jan niels christian martin anders morten
jesper mads rasmus hans per jørgen ole kim mikkel frederik emil lucas william noah
oscar victor magnus oliver alfred carl aksel valdemar august arthur malthe
emma ida sofia freja clara laura ella alma agnes karla josefine mathilde nanna sara
julie caroline cecilie line maja olivia astrid ellen esther lea
nielsen jensen hansen pedersen andersen christensen larsen sørensen rasmussen
jørgensen petersen madsen kristensen olsen thomsen christiansen poulsen johansen
møller mortensen knudsen jakobsen mikkelsen olesen frederiksen laursen henriksen
`;

const ascii = (word: string) =>
  word.replaceAll('æ', 'ae').replaceAll('ø', 'oe').replaceAll('å', 'aa');

/** The list, unique, most common first; the zxcvbn dictionary ranks by position. */
export const DANISH_WORDS: readonly string[] = [
  ...new Set(
    WORDS.split(/\s+/)
      .filter((w) => w !== '')
      .flatMap((w) => (ascii(w) === w ? [w] : [w, ascii(w)])),
  ),
];
