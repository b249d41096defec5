export {
  parseTranscript,
  TRANSCRIPT_HEADERS,
  type Transcript,
  type TranscriptFrame,
  type TranscriptRequest,
  type TranscriptResponse,
} from "./Transcript";
export { recordTranscript, type RecordTranscriptOptions } from "./recordTranscript";
export {
  createReplayFetch,
  type ReplayFetch,
  type ReplayFetchOptions,
  type ReplayRequest,
} from "./createReplayFetch";
export {
  SECRET_KEY_PATTERNS,
  sanitizeTranscript,
  type SanitizeTranscriptOptions,
} from "./sanitizeTranscript";
export { readTranscriptRun, type TranscriptRun } from "./readTranscriptRun";
export { routeShape } from "./routeShape";
export {
  generateTokenTranscript,
  type GenerateTokenTranscriptOptions,
} from "./generateTokenTranscript";
