/**
 * The strategic cooperation API contract: EU working groups and institutions (LEWP, COSI, Europol's Management
 * Board, EMPACT priorities and their operational action plans), their delegates, meetings with agenda, the
 * national instruction, the report back and the action items. Labels live under `strategic.*` in both catalogs.
 */
import { z } from 'zod';
import { isoInstant, partialDate } from './exchange.schemas.ts';
import { justification } from './accountability.schemas.ts';

/**
 * Kinds of group: Council working parties (LEWP) and committees (COSI, TFEU Art 71), agency boards (Europol
 * Management Board, Reg. 2016/794 Art 10), and the EMPACT cycle's priorities with their operational action plans.
 */
export const GROUP_KINDS = ['council_working_party', 'council_committee', 'agency_board', 'empact_priority', 'empact_oap', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const MEMBER_ROLES = ['delegate', 'substitute'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Where meetings take place: the Council in Brussels, Europol in The Hague, online, elsewhere. */
export const MEETING_PLACES = ['brussels', 'the_hague', 'luxembourg', 'online', 'other'] as const;
export type MeetingPlace = (typeof MEETING_PLACES)[number];

/**
 * Handling markings of an instruction: none, and the Council's (Decision 2013/488/EU) lowest two — LIMITE is
 * a distribution marking, RESTREINT UE/EU RESTRICTED the lowest classification (in Swedish "Begränsat").
 */
export const CLASSIFICATIONS = ['none', 'limite', 'restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const INSTRUCTION_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable();
const version = z.number().int().min(1);
/** A calendar day (Europe/Stockholm), as an <input type="date"> gives it. */
export const calendarDay = partialDate.refine((s) => s.length === 10, { message: 'date_invalid' });

export const createGroupInput = z.object({
  code: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N} ./&()-]+$/u, { message: 'strategic.code_invalid' }),
  name: text(300),
  kind: z.enum(GROUP_KINDS),
  /** An operational action plan belongs to its EMPACT priority. */
  parentId: z.uuid().optional().nullable(),
  description: optText(4000),
});
export type CreateGroupInput = z.infer<typeof createGroupInput>;

export const memberInput = z.object({ version, userId: z.uuid(), role: z.enum(MEMBER_ROLES) });
export const removeMemberInput = z.object({ version, userId: z.uuid() });

export const agendaItemInput = z.object({ title: text(500), note: optText(2000) });

export const createMeetingInput = z.object({
  title: text(300),
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.enum(MEETING_PLACES),
  placeDetail: optText(300),
  agenda: z.array(agendaItemInput).max(100).default([]),
});
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

export const draftInstructionInput = z.object({
  body: text(50_000),
  classification: z.enum(CLASSIFICATIONS).default('none'),
  /** Shown only to the group's delegates and substitutes, the drafter, and the unit's approving supervisors. */
  restricted: z.boolean().default(false),
});
export const reviseInstructionInput = draftInstructionInput.extend({ version });
export const approveInstructionInput = z.object({ version });

export const reportInput = z.object({ version, body: text(50_000) });

export const createActionInput = z.object({ title: text(500), ownerId: z.uuid(), dueDate: calendarDay });
export const completeActionInput = z.object({ version, note: optText(2000) });

export const consultQuery = z.object({ justification });

// ---- views ----

const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const groupSummary = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), kind: z.enum(GROUP_KINDS), parentId: z.uuid().nullable(),
  parentCode: z.string().nullable(), nextMeetingAt: z.string().nullable(), myRole: z.enum(MEMBER_ROLES).nullable(),
});
export const groupList = z.object({ items: z.array(groupSummary) });

export const meetingSummary = z.object({
  id: z.uuid(), groupId: z.uuid(), groupCode: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string(),
  place: z.enum(MEETING_PLACES), placeDetail: z.string().nullable(), instructionStatus: z.enum(INSTRUCTION_STATUSES).nullable(),
  reported: z.boolean(),
});

export const groupDetail = groupSummary.extend({
  version: z.number(), description: z.string().nullable(), children: z.array(groupSummary), meetings: z.array(meetingSummary),
  memberCount: z.number(), allowedActions: z.array(z.string()),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const memberView = z.object({ userId: z.uuid(), displayName: z.string(), username: z.string(), unitCode: z.string(), role: z.enum(MEMBER_ROLES) });
export const memberList = z.object({ items: z.array(memberView) });

export const instructionView = z.object({
  id: z.uuid(), number: z.number(), status: z.enum(INSTRUCTION_STATUSES), body: z.string(), classification: z.enum(CLASSIFICATIONS),
  restricted: z.boolean(), version: z.number(), draftedBy: userRef, approvedBy: userRef.nullable(), approvedAt: z.string().nullable(),
  createdAt: z.string(), allowedActions: z.array(z.string()),
});

export const actionItemView = z.object({
  id: z.uuid(), title: z.string(), owner: userRef, dueDate: z.string(), doneAt: z.string().nullable(), doneNote: z.string().nullable(),
  overdue: z.boolean(), version: z.number(), allowedActions: z.array(z.string()),
});

export const attachmentView = z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() });

export const meetingDetail = meetingSummary.extend({
  version: z.number(), groupName: z.string(),
  agenda: z.array(z.object({ id: z.uuid(), position: z.number(), title: z.string(), note: z.string().nullable() })),
  instructions: z.array(instructionView),
  /** Instructions that exist but are restricted to others (need-to-know): only their count is shown. */
  hiddenInstructions: z.number(),
  report: z.object({ body: z.string(), reportedAt: z.string(), reportedBy: userRef }).nullable(),
  actions: z.array(actionItemView), attachments: z.array(attachmentView), allowedActions: z.array(z.string()),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const officerList = z.object({ items: z.array(userRef.extend({ supervisor: z.boolean() })) });

export const myWork = z.object({
  meetings: z.array(meetingSummary),
  actions: z.array(actionItemView.extend({ meetingId: z.uuid(), meetingTitle: z.string(), groupCode: z.string() })),
});
export type MyWork = z.infer<typeof myWork>;
