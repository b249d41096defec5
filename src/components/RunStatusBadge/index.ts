"use client";
export { RunStatusBadge, type RunStatusBadgeProps } from "./RunStatusBadge";
export {
  useRunStatusBadge,
  type UseRunStatusBadgeOptions,
  type RunStatusBadgeState,
} from "./useRunStatusBadge";
export type { BadgeStatus, BadgeStatusInfo, StatusTone } from "./runStatusBadgeInfo";
export type { RunDisplayStatus } from "../../store/runDisplayStatus";
export type { StatusIconName } from "./StatusIcon";
