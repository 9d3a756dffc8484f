/**
 * Random messages for the worker, drawn from a seed (src/core/random.ts), so
 * that a failing run replays: unknown and prototype names, wrong shapes,
 * extra and `__proto__` keys, long strings, deep nesting, and the valid
 * messages of the protocol with one thing wrong.
 *
 * The names come from the protocol itself (`MESSAGE_SCHEMAS`), so a new
 * message is fuzzed without anyone touching this file. Each message also
 * gets the reply the worker must give, predicted in Node by the same guards
 * the router runs (src/core/message-guards.ts); a message those guards would
 * accept is not sent (it would change the data the test compares), so every
 * message sent must be refused.
 *
 * Messages travel as JSON text and are parsed where they are sent: only
 * JSON.parse makes `__proto__` an own key (an object literal or Playwright's
 * argument transfer would set the prototype instead). A long string travels
 * as a marker, `{"\u0000long": [unit, count]}`, and is made on arrival.
 */
import {
  MAX_ITEMS,
  MAX_NAME,
  MAX_TEXT,
  MESSAGE_SCHEMAS,
  checkArguments,
  isWorkerMessageName,
  senderProblem,
} from '../../src/core/message-guards.ts';
import { isEnvelope } from '../../src/core/messages.ts';
import { seededRandom } from '../../src/core/random.ts';

/** Where a message comes from: an extension page, or a content script in a tab. */
export type FuzzSender = 'extension-page' | 'content-script';

/** The key of a long-string marker (a key no message of the protocol has). */
export const LONG_STRING = '\u0000long';

/** The protocol's message names, as the worker knows them. */
export const WORKER_MESSAGE_NAMES: readonly string[] = Object.keys(MESSAGE_SCHEMAS);

/** One message, as JSON text, with the outcome the worker must report for it. */
export interface FuzzCase {
  json: string;
  /** See `outcomeOf` in in-page.ts: `unknown-message`, `invalid-message <path> <code>`, or the router's refusal. */
  expected: string;
}

export interface FuzzBatch {
  seed: number;
  sender: FuzzSender;
  cases: FuzzCase[];
  /** Drawn messages the guards would accept, and that were therefore not sent. */
  dropped: number;
}

/**
 * A valid argument for each message this file knows (plain JSON, not typed by
 * the protocol: a message that changes is still fuzzed, from random values).
 */
const EXAMPLES: Record<string, unknown> = {
  'page/report': {
    url: 'https://www.example.de/',
    title: 'ACME',
    total: 1,
    terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
    firstReport: true,
    timeOrigin: 1_700_000_000_000.5,
  },
  'results/report': {
    results: [
      {
        url: 'https://www.example.de/',
        title: 'ACME',
        snippet: 'ACME GmbH',
        kind: 'result',
        terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
        search: { engine: 'google', query: 'acme', rank: 1, page: 1 },
      },
    ],
  },
  'settings/get': null,
  'settings/save': { settings: { brands: [{ name: 'ACME', terms: ['ACME'] }] } },
  'mention/add': {
    url: 'https://www.example.de/',
    title: 'ACME',
    brands: ['ACME'],
    terms: ['ACME'],
    sentiment: 'neutral',
    tags: ['Presse'],
    note: '',
    snippet: '',
    search: { engine: 'google', query: 'acme', rank: 1 },
  },
  'mention/update': { id: 'm-1', sentiment: 'positive', tags: ['a'], note: 'n' },
  'mention/delete': { id: 'm-1' },
  'log/recent': { limit: 5 },
  'log/clear': null,
};

/** Names every object has, or that look like the protocol's without being in it. */
const ODD_NAMES = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype',
  'then',
  '',
  ' ',
  'content/state',
  'content/reveal',
  'mention',
  'mention/',
  '/mention/add',
  'log/*',
  '../log/clear',
  // Retired: the whole log in one message.
  'log/get',
  'log/import',
  'null',
  'undefined',
];

/** Keys that trip up code which copies or indexes objects. */
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'then',
  'id',
  'type',
  'args',
  'length',
  '',
  '0',
  '-1',
  'x'.repeat(300),
  'ü',
  '\u202e',
];

const ODD_TEXTS = [
  '',
  ' ',
  'ACME',
  'Müller Werkzeugbau',
  'ﺍﻟﻌﺮﺑﻴﺔ ACME',
  'עברית',
  '👩‍👩‍👧‍👦🇩🇪',
  '\u200b\u200c\u200d\ufeff',
  '\u0000',
  '\ud800',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://x")',
  '{"__proto__":{"polluted":1}}',
  'positive ',
  'NEUTRAL',
];

const ODD_NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, 4294967296, 10_001];

/** A JSON value to be written as text: object entries may repeat keys and hold `__proto__`. */
type Value =
  | null
  | boolean
  | number
  | string
  | { long: [unit: string, count: number] }
  | Value[]
  | { entries: [string, Value][] };

const isEntries = (v: Value): v is { entries: [string, Value][] } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'entries' in v;

/** JSON text for a value, keys as given (`__proto__` included). */
function toJson(value: Value, depth = 0, memo = new WeakMap<object, string>()): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (!Array.isArray(value) && !isEntries(value))
    return JSON.stringify({ [LONG_STRING]: value.long });
  // A list over the limit holds one object 10,001 times: written once.
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (depth > 500) return deepToJson(value);
  const text = Array.isArray(value)
    ? `[${value.map((v) => toJson(v, depth + 1, memo)).join(',')}]`
    : `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v, depth + 1, memo)}`).join(',')}}`;
  memo.set(value, text);
  return text;
}

/** The same, without recursion, for nesting thousands of levels deep. */
function deepToJson(value: Value): string {
  const out: string[] = [];
  const stack: (Value | { text: string })[] = [value];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'object' && item !== null && 'text' in item) out.push(item.text);
    else if (Array.isArray(item)) {
      out.push('[');
      stack.push({ text: ']' });
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i]!);
        if (i > 0) stack.push({ text: ',' });
      }
    } else if (isEntries(item)) {
      out.push('{');
      stack.push({ text: '}' });
      for (let i = item.entries.length - 1; i >= 0; i--) {
        const [key, v] = item.entries[i]!;
        stack.push(v);
        stack.push({ text: `${JSON.stringify(key)}:` });
        if (i > 0) stack.push({ text: ',' });
      }
    } else out.push(toJson(item));
  }
  return out.join('');
}

/** A plain JSON value as a Value (for the examples). */
function fromPlain(plain: unknown): Value {
  if (Array.isArray(plain)) return plain.map(fromPlain);
  if (typeof plain === 'object' && plain !== null)
    return { entries: Object.entries(plain).map(([k, v]) => [k, fromPlain(v)]) };
  return plain as Value;
}

/**
 * A message from its JSON text, with its long strings made; the same steps
 * run in the browser (`sendEachMessage` in in-page.ts). The reviver walks
 * the value recursively, so it runs only where there are long strings (a
 * 10,000-level nesting has none, and JSON.parse alone does not recurse).
 */
export function parseMessage(json: string): unknown {
  if (!json.includes(JSON.stringify(LONG_STRING).slice(1, -1))) return JSON.parse(json);
  return JSON.parse(json, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, LONG_STRING)) {
      const [unit, count] = (value as Record<string, [string, number]>)[LONG_STRING]!;
      return unit.repeat(count);
    }
    return value;
  });
}

class Draw {
  constructor(private readonly next: () => number) {}
  chance = (p: number) => this.next() < p;
  int = (max: number) => Math.floor(this.next() * max);
  pick = <T>(items: readonly T[]): T => items[this.int(items.length)]!;

  text(): Value {
    if (this.chance(0.003)) return this.longText();
    return this.chance(0.5) ? this.pick(ODD_TEXTS) : this.shortText();
  }

  /** Up to 40 characters, mostly ASCII, any UTF-16 code unit (lone surrogates too). */
  shortText(): string {
    const length = this.int(40);
    let s = '';
    for (let i = 0; i < length; i++)
      s += String.fromCharCode(this.chance(0.8) ? 32 + this.int(95) : this.int(0x10000));
    return s;
  }

  /** Just over a limit of the guards, or plainly big (1 MB); rare, since each costs time to send. */
  longText(): Value {
    const unit = this.pick(['x', 'ü', '😀']);
    const roll = this.next();
    const length = roll < 0.7 ? MAX_NAME + 1 : roll < 0.95 ? MAX_TEXT + 1 : 1_000_000;
    return { long: [unit, Math.ceil(length / unit.length)] };
  }

  nested(depth: number): Value {
    let value: Value = this.chance(0.5) ? 1 : 'ACME';
    for (let i = 0; i < depth; i++)
      value = this.chance(0.5) ? [value] : { entries: [[this.pick(ODD_KEYS), value]] };
    return value;
  }

  value(budget = 3): Value {
    const roll = this.next();
    if (roll < 0.08) return null;
    if (roll < 0.14) return this.chance(0.5);
    if (roll < 0.3) return this.pick(ODD_NUMBERS);
    if (roll < 0.55 || budget <= 0) return this.text();
    if (roll < 0.7) return Array.from({ length: this.int(5) }, () => this.value(budget - 1));
    if (roll < 0.97) return this.object(budget - 1);
    return this.nested(this.pick([20, 90, 500]));
  }

  object(budget: number): Value {
    const entries: [string, Value][] = [];
    const n = this.int(5);
    for (let i = 0; i < n; i++) {
      entries.push([this.chance(0.6) ? this.pick(ODD_KEYS) : this.shortText(), this.value(budget)]);
    }
    return { entries };
  }

  /** An example with one thing wrong: a key added, removed or changed, somewhere inside. */
  mutate(example: Value): Value {
    if (!isEntries(example) && !Array.isArray(example)) return this.value();
    const copy = structuredClone(example);
    // Walk down to a random object or list inside the example.
    let place: Value = copy;
    for (;;) {
      const children: Value[] = isEntries(place)
        ? place.entries.map(([, v]) => v)
        : Array.isArray(place)
          ? place
          : [];
      const inner = children.filter((c) => isEntries(c) || Array.isArray(c));
      if (!inner.length || this.chance(0.5)) break;
      place = this.pick(inner);
    }
    const roll = this.next();
    if (isEntries(place)) {
      const at = this.int(place.entries.length);
      const entry = place.entries[at];
      if (roll < 0.35 || !entry) place.entries.push([this.pick(ODD_KEYS), this.value()]);
      else if (roll < 0.55) place.entries.splice(at, 1);
      else if (roll < 0.85) entry[1] = this.value();
      else if (roll < 0.95) entry[1] = this.nested(this.pick([5, 90, 300]));
      else entry[1] = this.longText();
    } else if (Array.isArray(place)) {
      const first = place[0];
      if (roll < 0.03 && first !== undefined)
        // One entry more than a list may hold.
        place.push(...Array.from({ length: MAX_ITEMS + 1 - place.length }, () => first));
      else if (roll < 0.5 || first === undefined) place.push(this.value());
      else place[this.int(place.length)] = this.value();
    }
    return copy;
  }

  /** A message of any kind: not an envelope, an unknown name, or a known one with bad arguments. */
  message(): Value {
    const roll = this.next();
    if (roll < 0.08) {
      // Not an envelope: no type or no args, or not an object at all.
      const which = this.int(4);
      if (which === 0) return { entries: [['type', this.pick(WORKER_MESSAGE_NAMES)]] };
      if (which === 1) return { entries: [['args', this.value()]] };
      if (which === 2) return this.value();
      return {
        entries: [
          ['type', this.value()],
          ['args', this.value()],
        ],
      };
    }
    const known = roll >= 0.25;
    const type = known ? this.pick(WORKER_MESSAGE_NAMES) : this.unknownName();
    const example = EXAMPLES[type];
    let args: Value;
    if (!known || example === undefined || this.chance(0.35)) args = this.value();
    else if (this.chance(0.08)) args = fromPlain(example);
    else args = this.mutate(fromPlain(example));
    const entries: [string, Value][] = [
      ['type', type],
      ['args', args],
    ];
    if (this.chance(0.05)) entries.push([this.pick(ODD_KEYS), this.value()]);
    return { entries };
  }

  unknownName(): string {
    const roll = this.next();
    if (roll < 0.6) return this.pick(ODD_NAMES);
    const name = this.pick(WORKER_MESSAGE_NAMES);
    if (roll < 0.7) return name.toUpperCase();
    if (roll < 0.8) return `${name} `;
    if (roll < 0.9) return `${name}/x`;
    return name.replace('/', '\\');
  }
}

/** Each message once, and at most a few big ones: some that no random draw would reach. */
function extremes(): Value[] {
  const deep = (n: number): Value => {
    let v: Value = 'x';
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  return [
    {
      entries: [
        ['type', 'mention/delete'],
        ['args', { entries: [['id', deep(10_000)]] }],
      ],
    },
    {
      entries: [
        ['type', 'mention/update'],
        ['args', { entries: [['id', { long: ['x', 10_000_000] }]] }],
      ],
    },
    {
      entries: [
        ['type', '__proto__'],
        ['args', { entries: [['__proto__', { entries: [['polluted', true]] }]] }],
      ],
    },
    {
      entries: [
        [
          '__proto__',
          {
            entries: [
              ['type', 'log/clear'],
              ['args', null],
            ],
          },
        ],
      ],
    },
    {
      entries: [
        ['type', 'constructor'],
        ['args', null],
      ],
    },
    {
      entries: [
        ['type', 'hasOwnProperty'],
        ['args', 'type'],
      ],
    },
    {
      entries: [
        ['type', 'mention/update'],
        [
          'args',
          {
            entries: [
              ['id', 'm-1'],
              ['__proto__', { entries: [['note', 'x']] }],
            ],
          },
        ],
      ],
    },
  ];
}

/** The outcome the router gives a message from this sender (the guards' own verdict), or "accepted". */
export function predictOutcome(message: unknown, sender: FuzzSender): string {
  if (!isEnvelope(message) || !isWorkerMessageName(message.type)) return 'unknown-message';
  const self = { id: 'markenlotse', origin: 'chrome-extension://markenlotse/' };
  const from =
    sender === 'extension-page'
      ? { id: self.id, url: `${self.origin}log.html` }
      : { id: self.id, url: 'http://127.0.0.1/results.html', tab: {} };
  const refused = senderProblem(message.type, from, self);
  if (refused) return `${message.type}: ${refused}`;
  const checked = checkArguments(message.type, message.args);
  if (checked.ok) return 'accepted';
  return `invalid-message ${checked.problem.path} ${checked.problem.code}`;
}

/** `count` messages from `sender`, none of which the worker may accept. */
export function fuzzBatch(seed: number, sender: FuzzSender, count: number): FuzzBatch {
  const draw = new Draw(seededRandom(seed));
  const cases: FuzzCase[] = [];
  let dropped = 0;
  const pending = extremes();
  while (cases.length < count) {
    const value = pending.pop() ?? draw.message();
    const json = toJson(value);
    const expected = predictOutcome(parseMessage(json), sender);
    if (expected === 'accepted') dropped++;
    else cases.push({ json, expected });
  }
  return { seed, sender, cases, dropped };
}

/**
 * Errors of the sending browser for a message it will not send at all (over
 * Chrome's 64 MiB, nested too deep to serialise): the worker never sees it,
 * which is a refusal too.
 */
const NOT_SENT =
  /exceeded maximum allowed size|could not serialize|could not be cloned|maximum call stack|too much recursion/i;

export interface FuzzVerdict {
  /** Messages the browser would not send (see NOT_SENT). */
  notSent: number;
  /** Every message whose outcome differs from the guards' verdict, with the seed to replay it. */
  mismatches: { seed: number; index: number; message: string; expected: string; got: string }[];
}

export function judgeOutcomes(batch: FuzzBatch, outcomes: readonly string[]): FuzzVerdict {
  const verdict: FuzzVerdict = { notSent: 0, mismatches: [] };
  batch.cases.forEach(({ json, expected }, index) => {
    const got = outcomes[index] ?? 'no outcome';
    if (got === expected) return;
    if (got.startsWith('threw: ') && NOT_SENT.test(got)) {
      verdict.notSent++;
      return;
    }
    const message = json.length > 300 ? `${json.slice(0, 299)}…` : json;
    verdict.mismatches.push({ seed: batch.seed, index, message, expected, got });
  });
  return verdict;
}

/**
 * The seed of a fuzz run: MARKENLOTSE_FUZZ_SEED to replay or to try others,
 * else a fixed one (the same messages on every run).
 */
export function fuzzSeed(fallback: number): number {
  const given = Number(process.env.MARKENLOTSE_FUZZ_SEED);
  return Number.isInteger(given) && process.env.MARKENLOTSE_FUZZ_SEED ? given : fallback;
}
