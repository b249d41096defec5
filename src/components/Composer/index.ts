"use client";
export { Composer, type ComposerProps } from "./Composer";
export {
  useComposer,
  type ComposerButtonState,
  type ComposerFailure,
  type ComposerState,
  type UseComposerOptions,
} from "./useComposer";
export type { ComposerLabels } from "./composerLabels";
