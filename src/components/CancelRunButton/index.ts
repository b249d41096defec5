"use client";
export { CancelRunButton, type CancelRunButtonProps } from "./CancelRunButton";
export {
  useCancelRunButton,
  type CancelButtonPhase,
  type CancelByHandleOptions,
  type CancelByIdOptions,
  type CancelRunButtonLabels,
  type CancelRunButtonState,
  type UseCancelRunButtonOptions,
} from "./useCancelRunButton";
