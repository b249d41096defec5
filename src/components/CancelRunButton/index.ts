"use client";
export { CancelRunButton, type CancelRunButtonProps } from "./CancelRunButton";
export {
  useCancelRunButton,
  type CancelButtonPhase,
  type CancelByIdOptions,
  type CancelRunButtonLabels,
  type CancelRunButtonState,
  type CancelStreamOptions,
  type CancellableStream,
  type UseCancelRunButtonOptions,
} from "./useCancelRunButton";
