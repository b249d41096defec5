"use client";
export { ConnectionStatus, type ConnectionStatusProps } from "./ConnectionStatus";
export {
  useConnectionStatus,
  type ConnectionAnnouncement,
  type ConnectionInfo,
  type ConnectionStatusState,
  type UseConnectionStatusOptions,
} from "./useConnectionStatus";
export type { ConnectionStateInfo } from "./connectionStatusInfo";
