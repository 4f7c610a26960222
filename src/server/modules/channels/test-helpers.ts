/** Shared fixtures and assertions for the channels tests. */
import assert from 'node:assert/strict';
import { DomainError } from '../../platform/errors.ts';
import type { PolsamMessageInput } from './message.schemas.ts';

/** Asserts that fn throws a validation DomainError with this code and, if given, a field issue with this path and code. */
export function assertDomainError(fn: () => unknown, code: string, field?: { path: string; code: string }): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof DomainError, `expected a DomainError ${code}, got ${String(caught)}`);
  assert.equal(caught.kind, 'validation');
  assert.equal(caught.code, code);
  if (field) {
    const hit = caught.fields.find((f) => f.code === field.code && f.path === field.path);
    assert.ok(hit, `expected field issue ${field.path}:${field.code}, got ${JSON.stringify(caught.fields)}`);
  }
  return caught;
}

/** A complete urgent request message from the Swedish SPOC to the German one. */
export function requestMessage(over: Partial<PolsamMessageInput> = {}): PolsamMessageInput {
  return {
    kind: 'request',
    reference: 'SE-SPOC-2026-000042',
    caseReference: 'SIENA-CASE-2026-77',
    sentAt: '2026-03-01T09:15:00Z',
    from: { country: 'SE', authority: 'Polismyndigheten NOA/IE SPOC', officer: 'Anna Berg' },
    to: { country: 'DE', authority: 'BKA SPOC' },
    language: 'en',
    subject: 'Identity of a suspect in an armed robbery',
    urgent: true,
    urgencyReason: 'life_or_integrity',
    access: 'direct',
    informationSought: 'Registered address and identity documents of the person below.',
    purpose: 'Armed robbery in Malmö on 2026-02-27; the suspect threatened a witness.',
    offence: 'Grov rån (BrB 8:6)',
    handlingCode: 'H3',
    handlingText: 'Not to be shared with the suspect\'s employer.',
    europolCopy: true,
    europolCopyReason: 'Organised armed robbery series within Europol mandate.',
    persons: [
      {
        fullName: 'Jürgen Müller',
        aliases: ['J. Mueller'],
        dateOfBirth: '1980-05',
        gender: 'male',
        nationalities: ['DE'],
        documents: [{ kind: 'passport', number: 'C01X00T47', country: 'DE' }],
        category: 'suspect',
        nature: 'fact',
        reliability: 'B',
        accuracy: '2',
      },
    ],
    items: [{ content: 'Seen in a grey Audi, German plates.', nature: 'fact', reliability: 'C', accuracy: '3' }],
    ...over,
  };
}
