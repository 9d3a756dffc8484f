// The benchmark's terms: names that occur on the corpus pages (so there are
// hits to find and paint) and a deterministic list of plausible company and
// product names (so the automaton and mark.js' per-term walks are as large as
// a big profile's). The sets are nested: the first 10, 100 and 1,000.

import { seededRandom as random } from '../../src/core/random.ts';

/** Occur on the corpus pages; the first ten make up the 10-term set. */
const ON_PAGES_10 = [
  'Google',
  'Dell',
  'Wikipedia',
  'heise',
  'Guardian',
  'coffee',
  'hotel',
  'Yahoo',
  'Microsoft',
  'Starbucks',
];
const ON_PAGES_100 = [
  'Apple',
  'Amazon',
  'Facebook',
  'Twitter',
  'YouTube',
  'Android',
  'Windows',
  'Intel',
  'Samsung',
  'Hilton',
  'Marriott',
  'Nespresso',
  'Firefox',
  'Mozilla',
  'New York Times',
  'Reuters',
  'BBC',
  'Bing',
  'DuckDuckGo',
  'Expedia',
  'Tripadvisor',
  'Lenovo',
  'HP',
  'IBM',
  'Siemens',
  'Bosch',
  'Deutsche Telekom',
  'HTML',
  'JavaScript',
  'W3C',
];
const ON_PAGES_1000 = [
  'Nescafé',
  'Booking.com',
  'Volkswagen',
  'Mercedes-Benz',
  'BMW',
  'Adidas',
  'Nike',
  'Netflix',
  'Spotify',
  'Opera',
  'Safari',
  'Instagram',
  'LinkedIn',
  'PayPal',
  'eBay',
  'Costco',
  'Walmart',
  'Verizon',
  'Vodafone',
  'Telekom',
];

const STEMS = [
  'Nova',
  'Brill',
  'Kalt',
  'Aero',
  'Lumi',
  'Vert',
  'Quant',
  'Solv',
  'Terra',
  'Helio',
  'Stein',
  'Wald',
  'Falk',
  'Orbi',
  'Cyra',
  'Max',
  'Zen',
  'Pyra',
  'Lex',
  'Vanta',
  'Bergen',
  'Rhein',
  'Alpen',
  'Nord',
  'Süd',
  'Ost',
  'Hof',
  'Brück',
  'Kron',
  'Gold',
  'Silber',
  'Eisen',
  'Blau',
  'Grün',
  'Fels',
  'Licht',
  'Strom',
  'Funk',
  'Tek',
  'Mira',
  'Sora',
  'Kyto',
];
const ENDINGS = [
  'tek',
  'wave',
  'bach',
  'lux',
  'ora',
  'ix',
  'io',
  'ex',
  'ion',
  'hub',
  'werk',
  'haus',
  'berg',
  'mann',
  'feld',
  'tronic',
  'soft',
  'net',
  'matic',
  'vita',
  'mond',
  'ling',
  'heim',
  'stadt',
  'gard',
  'corp',
  'line',
  'via',
  'nova',
  'sys',
];
const SUFFIX_WORDS = [
  'Systems',
  'Solutions',
  'Labs',
  'Group',
  'Werke',
  'Digital',
  'Foods',
  'Energy',
  'Logistik',
  'Versicherung',
  'Robotics',
  'Analytics',
  'Bau',
  'Medical',
  'Textil',
  'Kaffee',
  'Reisen',
  'Finance',
  'Mobility',
  'Optik',
];
const PRODUCT_WORDS = ['Pro', 'Max', 'Air', 'One', 'Go', 'Plus', 'Mini', 'Ultra', 'Neo', 'Prime'];
const ACCENTED = [
  'Café Lumière',
  'Señor Frío',
  'Brasserie Étoile',
  'Müller & Söhne',
  'Björnsson Öl',
  'Crème Douce',
  'Façade Nouvelle',
  'Zürcher Bäckerei',
  'Łódź Design',
  'Château Lumineux',
];

function generatedNames(count: number): string[] {
  const next = random(0x4d4c);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const names = new Set<string>(ACCENTED);
  while (names.size < count) {
    const base = pick(STEMS) + pick(ENDINGS);
    const shape = next();
    let name: string;
    if (shape < 0.4) name = base;
    else if (shape < 0.75) name = `${base} ${pick(SUFFIX_WORDS)}`;
    else if (shape < 0.9) name = `${base} ${pick(PRODUCT_WORDS)}`;
    else name = `${base} ${Math.floor(next() * 90 + 10) * 100}`;
    names.add(name);
  }
  return [...names];
}

/** 1,000 terms; the first n are the n-term set. */
export function benchTerms(): string[] {
  const generated = generatedNames(1000);
  const terms = [...ON_PAGES_10];
  const fill = (upTo: number, onPages: string[]): void => {
    // Spread the names that occur on the pages among the generated ones.
    const slots = upTo - terms.length;
    const every = Math.max(1, Math.floor(slots / onPages.length));
    let k = 0;
    while (terms.length < upTo) {
      const slot = upTo - terms.length;
      if (k < onPages.length && (slots - slot) % every === 0) terms.push(onPages[k++] as string);
      else {
        const name = generated.shift();
        if (name === undefined) throw new Error('not enough generated names');
        if (!terms.includes(name)) terms.push(name);
      }
    }
  };
  fill(100, ON_PAGES_100);
  fill(1000, ON_PAGES_1000);
  return terms;
}
