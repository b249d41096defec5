"use client";
export { RunStatusBadge, type RunStatusBadgeProps } from "./RunStatusBadge";
export {
  useRunStatusBadge,
  type UseRunStatusBadgeOptions,
  type RunStatusBadgeState,
} from "./useRunStatusBadge";
export {
  RUN_STATUS_BADGE_INFO,
  type BadgeStatus,
  type BadgeStatusInfo,
  type StatusTone,
} from "./runStatusBadgeInfo";
export type { RunDisplayStatus } from "../../store/runDisplayStatus";
export { StatusIcon, type StatusIconName, type StatusIconProps } from "./StatusIcon";
export { badgeStatusOf } from "./badgeStatusOf";
