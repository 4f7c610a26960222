/** The peace-operations API types as the web app receives them (inferred from the shared zod schemas). */
import type { z } from 'zod';
import type {
  callDetail, candidateDetail, deploymentDetail, deploymentList, missionDetail, missionList, rosterList, welfareView,
} from '../../../shared/peace.schemas.ts';

export type MissionList = z.infer<typeof missionList>;
export type MissionDetail = z.infer<typeof missionDetail>;
export type CallDetail = z.infer<typeof callDetail>;
export type RosterList = z.infer<typeof rosterList>;
export type CandidateDetail = z.infer<typeof candidateDetail>;
export type DeploymentList = z.infer<typeof deploymentList>;
export type DeploymentDetail = z.infer<typeof deploymentDetail>;
export type WelfareView = z.infer<typeof welfareView>;
