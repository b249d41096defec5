"use client";
import { createStoragePersistence, type RunPersistence } from "../store/RunPersistence";

/**
 * Run persistence in `sessionStorage` (per tab, survives reloads). Touches `window` only when
 * used, so importing it is safe on the server.
 */
export function sessionStoragePersistence(prefix?: string): RunPersistence | undefined {
  if (typeof window === "undefined" || !window.sessionStorage) return undefined;
  return createStoragePersistence(window.sessionStorage, prefix);
}
