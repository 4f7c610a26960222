/**
 * What a message received on a channel means for the desk: a new case (a request, or information without a
 * deadline) or a follow-up on an existing case, found by the references it carries. Pure: the adapter validates
 * the wire form, this file maps the channel's own form to the request contract (createRequestInput).
 */
import type { CreateRequestInput, PersonInput } from '../../../shared/exchange.schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import type { AmeripolInformation } from './ameripol.adapter.ts';
import type { InterpolMessage } from './interpol.adapter.ts';
import { requestFromMessage, type PolsamMessage } from './message.schemas.ts';
import type { PtnMessage } from './ptn.adapter.ts';
import { CHANNEL_ADAPTERS, type AdapterChannel } from './registry.ts';
import type { SireneMessage } from './sirene.adapter.ts';

/** What a follow-up does on the case it joins (the exchange module's inbound use cases). */
export type FollowUpKind = 'answer' | 'refusal' | 'clarification_request' | 'clarification' | 'information' | 'acknowledgement';

export interface InboundMessage {
  channel: AdapterChannel;
  /** The sender's reference of this message, the channel's thread (SIENA case, SIS alert, Interpol file), and the message answered. */
  messageRef: string;
  caseRef: string | null;
  inReplyTo: string | null;
  country: string;
  authority: string;
  /** The sender's message kind, as recorded. */
  kind: string;
  /** A new case: the request to register (`withDeadline` false for own-initiative information, Art 7). */
  request: { input: CreateRequestInput; withDeadline: boolean } | null;
  /** A follow-up: what it does once its case is found; `mustMatch` when it cannot stand alone. */
  followUp: { kind: FollowUpKind; body: string; refusalGrounds: string[]; mustMatch: boolean };
}

/** Reads an untrusted wire object of a channel into what it means for the desk (throws DomainError 'validation'). */
export function readInbound(channel: AdapterChannel, wire: unknown, receivedAt: Date): InboundMessage {
  const adapter = CHANNEL_ADAPTERS[channel];
  const at = receivedAt.toISOString();
  switch (channel) {
    case 'siena':
      return fromPolsam('siena', adapter.fromWire(wire) as PolsamMessage, at);
    case 'ptn':
      return fromPolsam('ptn', (adapter.fromWire(wire) as PtnMessage).message, at);
    case 'sirene':
      return fromSirene(adapter.fromWire(wire) as SireneMessage, at);
    case 'interpol':
      return fromInterpol(adapter.fromWire(wire) as InterpolMessage, at);
    case 'ameripol':
      return fromAmeripol(adapter.fromWire(wire) as AmeripolInformation, at);
  }
}

const FOLLOW_UPS: Partial<Record<PolsamMessage['kind'], FollowUpKind>> = {
  answer: 'answer', refusal: 'refusal', clarification_request: 'clarification_request', clarification: 'clarification',
  information: 'information', own_initiative: 'information', acknowledgement: 'acknowledgement',
};

function fromPolsam(channel: 'siena' | 'ptn', m: PolsamMessage, at: string): InboundMessage {
  const base = {
    channel, messageRef: m.reference, caseRef: m.caseReference, inReplyTo: m.inReplyTo, country: m.from.country,
    authority: m.from.authority, kind: m.kind,
  };
  const body = m.body ?? m.informationSought ?? m.subject;
  if (m.kind === 'request') {
    return { ...base, request: { input: requestFromMessage(m, channel, at), withDeadline: true }, followUp: { kind: 'information', body, refusalGrounds: [], mustMatch: false } };
  }
  const kind = FOLLOW_UPS[m.kind]!;
  // Own-initiative information (Art 7) opens a case of its own when it does not continue one.
  const standalone = m.kind === 'own_initiative' || m.kind === 'information';
  const request = standalone
    ? {
        input: requestFromMessage({
          ...m, access: m.access ?? 'direct', informationSought: m.informationSought ?? body, purpose: m.purpose ?? 'Dir. (EU) 2023/977 Art 7',
        }, channel, at),
        withDeadline: false,
      }
    : null;
  return { ...base, request, followUp: { kind, body, refusalGrounds: m.refusalGrounds, mustMatch: !standalone } };
}

/** Base of a request registered from a channel that has no Polsam request form of its own. */
function requestBase(channel: AdapterChannel, at: string, v: Pick<CreateRequestInput, 'countryCode' | 'counterpartAuthority' | 'counterpartReference' | 'subject' | 'informationSought' | 'purpose'> & Partial<CreateRequestInput>): CreateRequestInput {
  return {
    direction: 'incoming', channel, channelReason: null, urgent: false, urgencyReason: null, access: 'direct', receivedAt: at,
    language: 'en', handlingCode: 'H0', handlingText: null, europolMandate: false, europolCopy: false, europolCopyReason: null,
    offence: null, nationalAuthorityId: null, persons: [], items: [], ...v,
  };
}

function fromSirene(m: SireneMessage, at: string): InboundMessage {
  const lines = [
    m.alert ? `005: ${m.alert.schengenId} (Reg. (EU) 2018/1862 Art ${m.alert.article})` : null,
    // 311 URGENT carries a free-text reason, not one of the Art 4(4) reasons: it is kept on the case as written.
    m.important?.type === 'URGENT' ? `311 URGENT: ${m.important.reason}` : null,
    m.important?.type === 'GEOGRAPHIC_SEARCH' ? `311: ${m.important.countries.join(', ')}` : null,
    m.alertReason ? `308: ${m.alertReason}` : null,
    m.eaw ? `044: ${m.eaw.facts}` : null,
    m.eaw?.eawOnly ? `239: ${m.eaw.eawOnly}` : null,
    m.text,
    m.keywords.length ? `327: ${m.keywords.join(', ')}` : null,
  ].filter((l): l is string => !!l);
  const body = lines.join('\n') || `SIRENE ${m.form}`;
  const request = requestBase('sirene', at, {
    countryCode: m.sender.country, counterpartAuthority: m.sender.bureau, counterpartReference: m.reference,
    subject: `SIRENE ${m.form}${m.alert ? ` · ${m.alert.schengenId}` : ''}`.slice(0, 300), informationSought: body.slice(0, 20000),
    purpose: m.alertReason ?? (m.alert ? `Reg. (EU) 2018/1862 Art ${m.alert.article}` : `SIRENE ${m.form}`), offence: m.offenceCategory,
  });
  return {
    channel: 'sirene', messageRef: m.reference, caseRef: m.alert?.schengenId ?? null, inReplyTo: null, country: m.sender.country,
    authority: m.sender.bureau, kind: `form_${m.form}`, request: { input: request, withDeadline: true },
    // A form on an alert the desk already works on joins that case (the alert's Schengen id is the thread).
    followUp: { kind: 'information', body, refusalGrounds: [], mustMatch: false },
  };
}

function fromInterpol(m: InterpolMessage, at: string): InboundMessage {
  const what = m.type === 'notice' ? `${m.noticeKind} notice` : `diffusion (${m.diffusionPurpose})`;
  const arrest = m.noticeKind === 'red' || m.diffusionPurpose === 'arrest';
  const person: PersonInput = {
    fullName: [m.person.forename, m.person.name].filter(Boolean).join(' '), aliases: [], dateOfBirth: m.person.dateOfBirth,
    gender: m.person.gender, nationalities: m.person.nationalities, documents: [], category: arrest ? 'suspect' : 'other',
    nature: 'fact', reliability: 'X', accuracy: '4', notes: null,
  };
  const charges = m.charges.map((c) => `${c.country}: ${c.charge}`).join('; ');
  const body = [m.body, charges ? `Charges: ${charges}` : null, `Art 3 review: ${m.review.status}${m.review.reason ? ` (${m.review.reason})` : ''}`]
    .filter((l): l is string => !!l).join('\n');
  const request = requestBase('interpol', at, {
    // Art 13(2)(a): an international organisation is involved.
    channelReason: 'a_third_country', countryCode: m.issuingCountry, counterpartAuthority: `NCB ${m.issuingCountry}`,
    counterpartReference: m.reference, language: m.language, subject: `Interpol ${what}${m.entityId ? ` ${m.entityId}` : ''}`,
    informationSought: body.slice(0, 20000), purpose: `Interpol ${what}`, offence: m.charges[0]?.charge.slice(0, 500) ?? null, persons: [person],
  });
  return {
    channel: 'interpol', messageRef: m.reference, caseRef: m.entityId ?? m.reference, inReplyTo: null, country: m.issuingCountry,
    authority: `NCB ${m.issuingCountry}`, kind: m.type, request: { input: request, withDeadline: true },
    // An update of a notice or diffusion (e.g. the Art 3 review) joins the case of the same file.
    followUp: { kind: 'information', body, refusalGrounds: [], mustMatch: false },
  };
}

function fromAmeripol(m: AmeripolInformation, at: string): InboundMessage {
  const request = requestBase('ameripol', at, {
    countryCode: m.from.country, counterpartAuthority: m.from.organisation, counterpartReference: m.reference, language: m.language ?? 'en',
    subject: m.subject, informationSought: m.body, purpose: m.note ?? 'Ameripol (observer)',
  });
  return {
    channel: 'ameripol', messageRef: m.reference, caseRef: null, inReplyTo: null, country: m.from.country, authority: m.from.organisation,
    // Sweden is an observer: information is recorded, with no deadline (requirements §7).
    kind: 'information', request: { input: request, withDeadline: false },
    followUp: { kind: 'information', body: m.body, refusalGrounds: [], mustMatch: false },
  };
}

/** The error of a follow-up whose case is not on the desk. */
export function caseNotFound(m: InboundMessage): DomainError {
  const reference = m.inReplyTo ?? m.caseRef ?? m.messageRef;
  return new DomainError('validation', 'channels.case_not_found', { channel: m.channel, reference }, [
    { path: m.inReplyTo ? 'inReplyTo' : 'caseReference', code: 'channels.case_not_found', params: { reference } },
  ]);
}
