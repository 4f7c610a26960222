/** `polsam match "name A" "name B"`: scores one pair with the cross-check's engine and explains the score. */
import { z } from 'zod';
import { LOCALES } from '../../shared/domain.ts';
import { messageKey } from '../../server/http/error-mapper.ts';
import { DomainError } from '../../server/platform/errors.ts';
import { t } from '../../server/platform/i18n.ts';
import { explanationOf, renderExplanation, scorePersons } from '../../server/modules/matching/index.ts';
import { parseArgs, type CliCommand } from '../cli.ts';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
const gender = z.enum(['male', 'female', 'other', 'unknown']).optional();
const args = z.object({
  a: z.string({ message: 'two names are required' }),
  b: z.string({ message: 'two names are required' }),
  lang: z.enum(LOCALES),
  genderA: gender,
  genderB: gender,
});

export const matchCommand: CliCommand = {
  name: 'match',
  usage: 'match "name A" "name B" [--dob-a D] [--dob-b D] [--nat-a SE,FI] [--nat-b ..] [--gender-a G] [--gender-b G] [--doc-a N] [--doc-b N] [--lang en|sv] [--json]',
  summary: 'score two persons by name (any script) with date of birth, nationality, gender, document; explain the score',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        'dob-a': { type: 'string' }, 'dob-b': { type: 'string' }, 'nat-a': { type: 'string' }, 'nat-b': { type: 'string' },
        'gender-a': { type: 'string' }, 'gender-b': { type: 'string' }, 'doc-a': { type: 'string' }, 'doc-b': { type: 'string' },
        lang: { type: 'string', default: 'en' }, json: { type: 'boolean', default: false },
      },
    });
    const parsed = args.safeParse({ a: positionals[0], b: positionals[1], lang: values.lang, genderA: values['gender-a'], genderB: values['gender-b'] });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { a, b, lang } = parsed.data;
    const person = (name: string, dob?: string, nat?: string, g?: 'male' | 'female' | 'other' | 'unknown', doc?: string) => ({
      names: [name], birthDate: dob ?? null, nationalities: list(nat), gender: g ?? null, documents: list(doc).map((number) => ({ number })),
    });
    try {
      const s = scorePersons(person(a, values['dob-a'], values['nat-a'], parsed.data.genderA, values['doc-a']), person(b, values['dob-b'], values['nat-b'], parsed.data.genderB, values['doc-b']));
      const e = explanationOf(s);
      if (values.json) console.log(JSON.stringify(e, null, 2));
      else {
        console.log(`score: ${s.score.toFixed(3)}  level: ${t(lang, `matching.level.${s.level}`)}  (name ${s.name.score.toFixed(3)})`);
        console.log(renderExplanation(lang, e));
      }
      return 0;
    } catch (err) {
      // Bad input (an empty name, a date that does not exist) is explained, not a stack trace.
      if (err instanceof DomainError) throw new Error(t(lang, messageKey(err.code), err.params));
      throw err;
    }
  },
};
