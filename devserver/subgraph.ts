/**
 * The nested graph behind the demo graph's `subgraph` node (selected by `/subgraph`).
 * One node, `inner`: writes a custom event, then streams "Hello from the subgraph" word by word.
 */
import { type LangGraphRunnableConfig, MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { ScriptedChatModel, textScript } from "./scriptedModel.js";

export const SUBGRAPH_REPLY = "Hello from the subgraph";

export const subgraph = new StateGraph(MessagesAnnotation)
  .addNode(
    "inner",
    async (state: typeof MessagesAnnotation.State, config: LangGraphRunnableConfig) => {
      config.writer?.({ type: "progress", step: "inner" });
      const reply = await new ScriptedChatModel(textScript(SUBGRAPH_REPLY)).invoke(
        state.messages,
        config,
      );
      return { messages: [reply] };
    },
  )
  .addEdge("__start__", "inner")
  .addEdge("inner", "__end__")
  .compile();
