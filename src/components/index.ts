"use client";
export * from "./RunStatusBadge";
export * from "./ConnectionStatus";
export * from "./CancelRunButton";
export * from "./RunsTable";
export * from "./StreamEventLog";
export * from "./MessageStream";
export * from "./InterruptPanel";
export * from "./Composer";
