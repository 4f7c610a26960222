/** The channels module's public surface: adapters per channel, the registry, transports and the notice import. */
export type { AnyChannelAdapter, ChannelAdapter, FromWireOptions } from './channel.ts';
export { fieldIssues } from './channel.ts';
export {
  MESSAGE_KINDS, channelParty, messageFromRequest, parsePolsamMessage, polsamMessage, requestFromMessage, utcInstant,
} from './message.schemas.ts';
export type { ChannelParty, MessageKind, MessagePerson, PolsamMessage, PolsamMessageInput } from './message.schemas.ts';
export { SIENA_DEADLINE_REGIME_ID, SIENA_WIRE_FORMAT, fromSienaWire, sienaAdapter, sienaWire, toSienaWire } from './siena.adapter.ts';
export type { SienaWire } from './siena.adapter.ts';
export {
  SIRENE_DEADLINE_REGIME_ID, SIRENE_FORMS, SIRENE_WIRE_FORMAT, SIS_ALERT_ARTICLES, SIS_ALERT_CATEGORIES, UNCONFIRMED_SIRENE_FORMS,
  createSireneReferenceGenerator, formatSireneReference, fromSireneWire, isSireneReference, parseSireneReference,
  sireneAdapter, sireneMessage, sireneWire, sisAlertCategory, toSireneWire,
} from './sirene.adapter.ts';
export type {
  SireneForm, SireneMessage, SireneMessageInput, SireneReferenceParts, SireneWire, SisAlertArticle, SisAlertCategory,
} from './sirene.adapter.ts';
export {
  ARTICLE3_STATUSES, DIFFUSION_PURPOSES, INTERPOL_DEADLINE_REGIME_ID, INTERPOL_WIRE_FORMAT, NOTICE_KINDS,
  entityIdFromUrl, entityIdToUrl, fromInterpolWire, interpolAdapter, interpolDateToPartial, interpolMessage, interpolWire,
  isEntityId, partialDateToInterpol, toInterpolWire,
} from './interpol.adapter.ts';
export type {
  Article3Status, DiffusionPurpose, InterpolMessage, InterpolMessageInput, InterpolWire, NoticeKind,
} from './interpol.adapter.ts';
export {
  entityIdFromNoticeUrl, parseNoticeDetail, parseNoticeList, parseNoticeRecord, parseNoticeStream,
} from './interpol-notices.ts';
export type {
  NoticeCharge, NoticeImportError, NoticeListResult, NoticeParseOptions, NoticeRecord, NoticeRecordResult,
} from './interpol-notices.ts';
export {
  NORDIC_COUNTRIES, PTN_DEADLINE_REGIME_ID, PTN_WIRE_FORMAT, fromPtnWire, liaisonOfficer, parseDirectory, ptnAdapter, ptnWire,
  routeVia, toPtnWire,
} from './ptn.adapter.ts';
export type { LiaisonOfficer, LiaisonOfficerInput, PtnMessage, PtnWire, RouteResult } from './ptn.adapter.ts';
export {
  AMERIPOL_DEADLINE_REGIME_ID, AMERIPOL_WIRE_FORMAT, ameripolAdapter, ameripolInformation, ameripolSendRefused, ameripolWire,
  fromAmeripolWire, toAmeripolWire,
} from './ameripol.adapter.ts';
export type { AmeripolInformation, AmeripolInformationInput, AmeripolWire } from './ameripol.adapter.ts';
export { CHANNEL_ADAPTERS, adapterFor, receiveThrough, sendThrough } from './registry.ts';
export type { AdapterChannel, ReceivedResult } from './registry.ts';
export { transportEnvelope } from './transport.ts';
export type { OutgoingWire, ReceiveItem, ReceivedWire, SendResult, Transport, TransportEnvelope } from './transport.ts';
export { createFileTransport, writeFileAtomic } from './file.transport.ts';
export type { FileTransportOptions } from './file.transport.ts';
export { createMemoryTransport } from './memory.transport.ts';
export type { MemoryTransport } from './memory.transport.ts';
export { registerChannelRoutes } from './channels.routes.ts';
export { channelsJobs } from './channels.jobs.ts';
export { CHANNEL_UNITS, contentHash, ingestMessage, ingressChannel, isIngressChannel } from './channels.ingest.ts';
export type { IngestResult, IngestSource } from './channels.ingest.ts';
export { channelFolders, channelSettings, configureChannels, type ChannelSettings } from './channels.outbound.ts';
export { ensureDropFolders, failureText, scanDropFolder, startDropFolder, type DropOutcome } from './channels.drop.ts';
