/**
 * Given-name equivalence classes: spellings and cross-language forms of one name ("Mohammed",
 * "Muhammad", "Mehmet"; "Aleksandr", "Alexander", "Sasha") and common nicknames ("Bob" for "Robert").
 * The hand-written classes below are data, curated for names common in police exchange; the derived
 * classes come from Latin spellings that share one Cyrillic or Katakana spelling in the Wikidata
 * training pairs (see scripts/build-name-data.ts). Lookup is by canonical spelling, so "Mukhammad"
 * finds the class of "Muhammad" without being listed.
 */
import { derivedVariantClasses } from './name-data.ts';
import { canonicalSpelling } from './phonetic.ts';

/** Hand-curated equivalence classes, one array per name; the first entry names the class. */
export const GIVEN_NAME_CLASSES: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhammed', 'mohamud', 'mehmet', 'mehmed', 'mamadou', 'mohd', 'muhd', 'mhd', 'mahomed',
    // Somali spellings (x = h): Maxamed, Maxamuud's first half.
    'maxamed', 'mahamed', 'maxammed', 'mahammed'],
  ['ahmad', 'ahmed', 'achmed', 'akhmed', 'ahmet', 'ehmad'],
  ['mahmoud', 'mahmud', 'mahmood', 'makhmud'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mustafo'],
  ['yusuf', 'youssef', 'yousef', 'yosef', 'joseph', 'josef', 'jozef', 'giuseppe', 'jose', 'iosif', 'osip', 'yussuf', 'jusuf', 'józef'],
  ['ibrahim', 'ebrahim', 'abraham', 'avraham', 'ibragim', 'ibrahima'],
  ['ismail', 'ismael', 'ishmael', 'ismoil'],
  ['yaqub', 'yakub', 'jacob', 'jakob', 'yakov', 'iakov', 'jakub', 'giacomo', 'jacques', 'yaakov'],
  ['musa', 'moussa', 'moses', 'moshe', 'moise', 'moises', 'mozes'],
  ['isa', 'issa', 'jesus'],
  ['sulayman', 'suleiman', 'sulaiman', 'suleyman', 'solomon', 'shlomo', 'sulejman'],
  ['dawud', 'daoud', 'dawood', 'david', 'davud', 'dovud'],
  ['yahya', 'yahia', 'john', 'johann', 'johannes', 'jan', 'jean', 'juan', 'giovanni', 'ivan', 'ioannis', 'yohannes', 'hans', 'joao', 'sean', 'ian', 'evan', 'jens', 'juhani'],
  ['maryam', 'mariam', 'maria', 'mary', 'marie', 'mariya', 'marija', 'miriam', 'mirjam'],
  ['yunus', 'younes', 'jonah', 'jonas', 'yunis'],
  ['nuh', 'nooh', 'noah'],
  ['ali', 'aly', 'cali'],
  ['husayn', 'hussein', 'husein', 'hussain', 'husain', 'hossein', 'hüseyin', 'huseyn', 'gusein', 'xuseen', 'huseen', 'xuseyn'],
  ['hasan', 'hassan', 'hasson', 'gasan'],
  ['umar', 'omar', 'omer', 'oumar', 'umer', 'cumar'],
  ['uthman', 'othman', 'osman', 'usman', 'ousmane', 'othmane', 'cusmaan', 'cismaan', 'ismaan'],
  ['usama', 'osama', 'oussama'],
  ['abdullah', 'abdallah', 'abdulla', 'abdollah', 'abdulah', 'abdullahi', 'cabdullaahi', 'abdillahi', 'cabdilaahi'],
  ['abdulrahman', 'abdurrahman', 'abderrahmane', 'abdelrahman', 'abdul rahman', 'abdurakhman', 'abdalrahman', 'abdirahman', 'cabdiraxmaan'],
  ['khalid', 'khaled', 'halid', 'chaled'],
  ['walid', 'waleed', 'oualid'],
  ['said', 'saeed', 'sayed', 'sayyid', 'saed', 'saiid'],
  ['rashid', 'rasheed', 'rachid', 'rashed'],
  ['hamid', 'hameed', 'hamed', 'khamid'],
  ['jamal', 'gamal', 'djamal', 'dzhamal', 'jamaal'],
  ['jafar', 'jaafar', 'djafar', 'dzhafar'],
  ['fatima', 'fatma', 'fatimah', 'fatemeh', 'fatime', 'fatuma', 'faadumo', 'fadumo', 'faduma'],
  ['aisha', 'aicha', 'aysha', 'ayesha', 'ayse', 'aishah'],
  ['aleksandr', 'alexander', 'alexandr', 'aleksander', 'alexandre', 'alessandro', 'alejandro', 'oleksandr', 'aliaksandr', 'sasha', 'sascha', 'alex', 'iskander', 'iskandar'],
  ['aleksey', 'alexei', 'alexey', 'aleksei', 'oleksiy', 'alexis', 'aljosja', 'alyosha'],
  ['mikhail', 'michael', 'mikael', 'michail', 'mykhailo', 'michal', 'miguel', 'michele', 'michel', 'mihail', 'mikhael', 'mika', 'mike'],
  ['nikolay', 'nikolai', 'nicholas', 'nicolas', 'nikolaus', 'mykola', 'niklas', 'nicola', 'nikola', 'klaus', 'nick'],
  ['dmitry', 'dmitri', 'dmitrij', 'dmytro', 'dimitri', 'dimitrios', 'dimitar'],
  ['sergey', 'sergei', 'sergej', 'serhiy', 'sergiy', 'sergio', 'serge', 'sergiu'],
  ['vladimir', 'volodymyr', 'wladimir', 'uladzimir', 'vova', 'volodya'],
  ['yuri', 'yuriy', 'jurij', 'juri', 'yury', 'iouri', 'yurii', 'georgy', 'george', 'georg', 'jiri', 'jorge', 'giorgio', 'georgios', 'yegor', 'egor', 'jerzy', 'juergen', 'jürgen'],
  ['pyotr', 'petr', 'peter', 'pierre', 'pedro', 'pietro', 'petro', 'piotr', 'petter', 'per', 'petar'],
  ['pavel', 'paul', 'pablo', 'paolo', 'pavlo', 'pawel', 'paulo', 'pal', 'pål'],
  ['andrey', 'andrei', 'andrew', 'andreas', 'andrzej', 'andriy', 'andre', 'andres', 'anders', 'andrea', 'andrej'],
  ['ivan', 'iwan', 'ivo'],
  ['yevgeny', 'evgeny', 'evgeni', 'yevgeniy', 'eugene', 'eugen', 'eugenio', 'jewgeni', 'ievgen', 'yevhen'],
  ['grigory', 'grigori', 'gregory', 'gregor', 'grzegorz', 'hryhoriy', 'gregorio'],
  ['konstantin', 'constantine', 'kostiantyn', 'constantin', 'costantino', 'konstantinos'],
  ['ekaterina', 'yekaterina', 'katerina', 'catherine', 'katharina', 'kateryna', 'caterina', 'katarzyna', 'katarina', 'kathryn', 'katherine', 'karin', 'katja', 'katya'],
  ['elena', 'yelena', 'helen', 'helena', 'olena', 'jelena', 'hélène', 'elina', 'alena', 'ellen'],
  ['natalia', 'natalya', 'nataliya', 'natalie', 'nathalie', 'natasha'],
  ['tatiana', 'tatyana', 'tetiana', 'tatjana'],
  ['olga', 'olha', 'helga'],
  ['anna', 'ana', 'anne', 'hanna', 'hannah', 'ann', 'anya', 'anja'],
  ['william', 'wilhelm', 'guillaume', 'guillermo', 'willem', 'bill', 'billy', 'will', 'vilhelm'],
  ['robert', 'roberto', 'rob', 'bob', 'bobby', 'robbie', 'rupert'],
  ['richard', 'ricardo', 'riccardo', 'rick', 'dick', 'rich', 'rikard'],
  ['edward', 'eduard', 'eduardo', 'edoardo', 'ed', 'eddie', 'ted', 'edvard'],
  ['charles', 'carl', 'karl', 'carlos', 'carlo', 'charlie', 'chuck', 'karel', 'karol'],
  ['thomas', 'tomas', 'tom', 'tommy', 'tomasz', 'tommaso', 'foma'],
  ['henry', 'henri', 'heinrich', 'enrique', 'enrico', 'henrik', 'harry', 'hank', 'hendrik', 'genrikh'],
  ['francis', 'francisco', 'francesco', 'franz', 'francois', 'frank', 'franciszek', 'frans'],
  ['stephen', 'steven', 'stefan', 'stephan', 'esteban', 'stefano', 'stepan', 'etienne', 'steve', 'istvan', 'szczepan'],
  ['anthony', 'antonio', 'anton', 'antoine', 'tony', 'antoni', 'antonin'],
  ['elizabeth', 'elisabeth', 'elizaveta', 'isabel', 'isabella', 'elisabetta', 'liz', 'beth', 'lisa', 'elsa', 'elise'],
  ['margaret', 'margarita', 'margareta', 'marguerite', 'margherita', 'greta', 'maggie', 'margit', 'malgorzata', 'peggy', 'peggie'],
  ['patricia', 'patty', 'pat', 'patrizia'],
  ['james', 'jim', 'jimmy', 'jamie', 'seamus'],
  ['howard', 'howie'],
  ['lukasz', 'lucas', 'lukas', 'luke', 'luca', 'luka', 'luc'],
  ['martin', 'martyn', 'marten', 'martino'],
  ['abu bakr', 'abubakar', 'aboubacar', 'abubakr', 'boubacar'],
  ['yaroslav', 'jaroslav', 'jaroslaw'],
  ['gulbuddin', 'golbuddin'],
];

let index: Map<string, number> | null = null;

function buildIndex(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (cls: readonly string[], id: number) => {
    for (const n of cls) {
      const key = canonicalSpelling(n.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z]/g, ''));
      // First claim wins: the curated classes are added before the derived ones, so noise cannot merge them.
      if (key && !map.has(key)) map.set(key, id);
    }
  };
  GIVEN_NAME_CLASSES.forEach((cls, i) => add(cls, i));
  derivedVariantClasses().forEach((cls, i) => add(cls, GIVEN_NAME_CLASSES.length + i));
  return map;
}

/** Returns the equivalence class id of a canonical spelling, or -1 when the name is in no class. */
export function givenNameClass(canon: string): number {
  index ??= buildIndex();
  return index.get(canon) ?? -1;
}
