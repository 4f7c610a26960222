/** The strategic API's views as the web app receives them (inferred from the shared schemas). */
import type { z } from 'zod';
import type { groupDetail, groupList, meetingDetail, memberList, myWork, officerList } from '../../../shared/strategic.schemas.ts';

export type GroupList = z.infer<typeof groupList>;
export type GroupDetail = z.infer<typeof groupDetail>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type MemberList = z.infer<typeof memberList>;
export type MyWork = z.infer<typeof myWork>;
export type Officer = z.infer<typeof officerList>['items'][number];
