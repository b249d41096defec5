export { withTheme, type StoryTheme } from "./withTheme";
export {
  withRunsProvider,
  StoryRunsProvider,
  seedSessions,
  type RunsProviderDecoratorOptions,
  type SessionSeed,
} from "./withRunsProvider";
export {
  createRunsFetchStub,
  makeRun,
  sampleRuns,
  type RunsFetchStub,
  type RunsFetchStubOptions,
} from "./runsFetchStub";
export { LiveRun, type LiveRunProps, type LiveStream } from "./LiveRun";
