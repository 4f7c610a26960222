/** The request form's editable state and its conversion to the `POST /api/requests` body. */
import {
  DEFAULT_CHANNEL,
  type AccessKind,
  type Channel,
  type ChannelReason,
  type Direction,
  type DocumentKind,
  type Gender,
  type HandlingCode,
  type InfoAccuracy,
  type ItemNature,
  type RequestLanguage,
  type SourceReliability,
  type SubjectCategory,
  type UrgencyReason,
} from '../../../shared/domain.ts';
import { localInputToIso, localInputValue } from '../../ui/format.ts';
import type { CreateRequestBody, RequestDetail } from './types.ts';

export interface DocumentState {
  key: string;
  kind: DocumentKind;
  number: string;
  country: string;
}

export interface PersonState {
  key: string;
  fullName: string;
  aliases: string; // one per line
  dateOfBirth: string;
  gender: Gender;
  nationalities: string[];
  documents: DocumentState[];
  category: SubjectCategory | '';
  nature: ItemNature;
  reliability: SourceReliability;
  accuracy: InfoAccuracy;
  notes: string;
}

export interface ItemState {
  key: string;
  content: string;
  nature: ItemNature | '';
  reliability: SourceReliability | '';
  accuracy: InfoAccuracy | '';
}

export interface RequestFormState {
  direction: Direction;
  channel: Channel;
  channelReason: ChannelReason | '';
  countryCode: string;
  counterpartAuthority: string;
  counterpartReference: string;
  nationalAuthorityId: string;
  urgent: boolean;
  urgencyReason: UrgencyReason | '';
  access: AccessKind | '';
  receivedAt: string; // datetime-local, browser zone
  language: RequestLanguage | '';
  handlingCode: HandlingCode;
  handlingText: string;
  europolMandate: boolean;
  europolCopy: boolean;
  europolCopyReason: string;
  subject: string;
  informationSought: string;
  purpose: string;
  offence: string;
  persons: PersonState[];
  items: ItemState[];
}

let seq = 0;
export const newKey = () => `k${++seq}`;

export function emptyForm(direction: Direction): RequestFormState {
  return {
    direction,
    channel: DEFAULT_CHANNEL,
    channelReason: '',
    countryCode: '',
    counterpartAuthority: '',
    counterpartReference: '',
    nationalAuthorityId: '',
    urgent: false,
    urgencyReason: '',
    access: '',
    receivedAt: localInputValue(),
    language: direction === 'outgoing' ? 'en' : '',
    handlingCode: 'H0',
    handlingText: '',
    europolMandate: false,
    europolCopy: false,
    europolCopyReason: '',
    subject: '',
    informationSought: '',
    purpose: '',
    offence: '',
    persons: [],
    items: [],
  };
}

export function emptyPerson(): PersonState {
  return {
    key: newKey(),
    fullName: '',
    aliases: '',
    dateOfBirth: '',
    gender: 'unknown',
    nationalities: [],
    documents: [],
    category: '',
    nature: 'fact',
    reliability: 'X',
    accuracy: '4',
    notes: '',
  };
}

export function emptyDocument(): DocumentState {
  return { key: newKey(), kind: 'passport', number: '', country: '' };
}

export function emptyItem(): ItemState {
  return { key: newKey(), content: '', nature: '', reliability: '', accuracy: '' };
}

/** Channels that need no Art 13(2) reason: SIENA itself, and Ameripol (not an EU channel). */
export function needsChannelReason(c: Channel): boolean {
  return c !== 'siena' && c !== 'ameripol';
}

const opt = (s: string) => (s.trim() ? s.trim() : null);

/** Build the API body; the server validates everything, so empty required fields are sent as they are. */
export function toBody(f: RequestFormState): CreateRequestBody {
  return {
    direction: f.direction,
    channel: f.channel,
    channelReason: needsChannelReason(f.channel) ? (f.channelReason || null) : null,
    countryCode: f.countryCode,
    counterpartAuthority: f.counterpartAuthority.trim(),
    counterpartReference: opt(f.counterpartReference),
    nationalAuthorityId: f.nationalAuthorityId || null,
    urgent: f.urgent,
    urgencyReason: f.urgent ? (f.urgencyReason || null) : null,
    access: f.access as AccessKind,
    receivedAt: f.direction === 'incoming' ? localInputToIso(f.receivedAt) : null,
    language: f.language as RequestLanguage,
    handlingCode: f.handlingCode,
    handlingText: f.handlingCode === 'H3' ? opt(f.handlingText) : null,
    europolMandate: f.europolMandate,
    europolCopy: f.europolMandate && f.europolCopy,
    europolCopyReason: f.europolMandate ? opt(f.europolCopyReason) : null,
    subject: f.subject.trim(),
    informationSought: f.informationSought.trim(),
    purpose: f.purpose.trim(),
    offence: opt(f.offence),
    persons: f.persons.map((p) => ({
      fullName: p.fullName.trim(),
      aliases: p.aliases
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
      dateOfBirth: opt(p.dateOfBirth),
      gender: p.gender,
      nationalities: p.nationalities,
      documents: p.documents.map((d) => ({ kind: d.kind, number: d.number.trim(), country: d.country || null })),
      category: p.category as SubjectCategory,
      nature: p.nature,
      reliability: p.reliability,
      accuracy: p.accuracy,
      notes: opt(p.notes),
    })),
    items: f.items.map((i) => ({
      content: i.content.trim(),
      nature: i.nature as ItemNature,
      reliability: i.reliability as SourceReliability,
      accuracy: i.accuracy as InfoAccuracy,
    })),
  };
}

/** The form filled from a saved draft, for editing it (persons are added on the request page, one by one). */
export function formFromDetail(r: RequestDetail): RequestFormState {
  return {
    ...emptyForm('outgoing'),
    channel: r.channel, channelReason: (r.channelReason ?? '') as ChannelReason | '', countryCode: r.countryCode,
    counterpartAuthority: r.counterpartAuthority, counterpartReference: r.counterpartReference ?? '', nationalAuthorityId: r.nationalAuthority?.id ?? '',
    urgent: r.urgent, urgencyReason: (r.urgencyReason ?? '') as UrgencyReason | '', access: r.access, language: r.language as RequestLanguage,
    handlingCode: r.handlingCode, handlingText: r.handlingText ?? '', europolMandate: r.europolMandate, europolCopy: r.europolCopy,
    europolCopyReason: r.europolCopyReason ?? '', subject: r.subject, informationSought: r.informationSought, purpose: r.purpose,
    offence: r.offence ?? '',
    items: r.items.map((i) => ({ key: newKey(), content: i.content, nature: i.nature, reliability: i.reliability, accuracy: i.accuracy })),
  };
}

/** The body of `POST /api/requests/:id/edit`: the draft's fields at the version the officer saw. */
export function toEditBody(f: RequestFormState, version: number) {
  const { direction: _d, receivedAt: _r, persons: _p, ...rest } = toBody(f);
  return { ...rest, version };
}
