// Starts the demo app: a Vite dev server for demo/ plus, unless LANGGRAPH_API_URL points at
// another server, the embedded Agent Server (devserver/). Used by `npm start`
// (scripts/start.mjs) and by the demo's browser test (test/demo/), so both run the same code.
//
// The page never talks to the Agent Server directly: the Vite server proxies the same-origin
// path /api to it. No CORS, and an API key (LANGGRAPH_API_KEY) is added by the proxy on the
// server side, so it never reaches the browser. Because the proxy holds that key, it serves the
// demo page only (demo/apiGuard.mjs): no cross-site or cross-origin requests, a header that
// forces other origins into a preflight it refuses, the demo's routes only, and none of the
// Agent Server's permissive CORS headers.
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";
import { freePort, startAgentServer } from "../devserver/startAgentServer.mjs";
import { apiGuard, PROXY_HEADER } from "./apiGuard.mjs";

const DEMO_DIR = path.dirname(fileURLToPath(import.meta.url));
const CONFIG_FILE = path.join(DEMO_DIR, "vite.config.ts");

/** The path the page calls the Agent Server on (see demo/src/config.ts). */
export const API_PREFIX = "/api";

/**
 * Starts the demo. Resolves once both servers answer.
 *
 * @param {import("./startDemo.d.mts").StartDemoOptions} [options]
 * @returns {Promise<import("./startDemo.d.mts").DemoHandle>}
 */
export async function startDemo(options = {}) {
  const {
    host = "127.0.0.1",
    apiUrl = process.env.LANGGRAPH_API_URL || undefined,
    apiKey = process.env.LANGGRAPH_API_KEY || undefined,
    assistantId = process.env.ASSISTANT_ID || "agent",
    watch = true,
    log = () => {},
    agentServerLog,
  } = options;

  let agentServer = null;
  let target = apiUrl?.replace(/\/+$/, "");
  if (!target) {
    agentServer = await startAgentServer({ log: agentServerLog });
    target = agentServer.url;
    log(`Agent Server (embedded): ${target}`);
  } else {
    log(`Agent Server: ${target}${apiKey ? " (with API key)" : ""}`);
    await checkServer(target, apiKey, log);
  }

  let vite;
  try {
    const port = options.port ?? (await freePort());
    // Vite exits the process on SIGTERM (and when stdin ends) by itself, which would skip
    // stopping the Agent Server cleanly: the caller owns signals, so drop the handlers it adds.
    const sigtermBefore = new Set(process.listeners("SIGTERM"));
    const stdinEndBefore = new Set(process.stdin.listeners("end"));
    vite = await createServer({
      configFile: CONFIG_FILE,
      clearScreen: false,
      logLevel: options.logLevel ?? "warn",
      define: {
        __DEMO_ASSISTANT_ID__: JSON.stringify(assistantId),
        __DEMO_SERVER_LABEL__: JSON.stringify(agentServer ? "embedded Agent Server" : target),
      },
      plugins: [
        {
          name: "langgraph-runs-react:api-guard",
          // Added here, not in a returned function: it runs before Vite's proxy.
          configureServer(server) {
            server.middlewares.use(apiGuard({ prefix: API_PREFIX }));
          },
        },
      ],
      server: {
        host,
        port,
        strictPort: true,
        watch: watch ? undefined : null,
        // The page is same-origin with its API; Vite's default CORS would answer other
        // loopback origins' preflights before the guard sees them.
        cors: false,
        proxy: { [API_PREFIX]: proxyOptions(target, apiKey) },
      },
    });
    for (const listener of process.listeners("SIGTERM"))
      if (!sigtermBefore.has(listener)) process.off("SIGTERM", listener);
    for (const listener of process.stdin.listeners("end"))
      if (!stdinEndBefore.has(listener)) process.stdin.off("end", listener);
    await vite.listen();
  } catch (error) {
    await Promise.allSettled([vite?.close(), agentServer?.stop()]);
    throw error;
  }

  const address = vite.httpServer?.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${host}:${port}`;

  let stopping = null;
  const stop = ({ force = false } = {}) => {
    // Forced: kill the Agent Server now and resolve once it is gone and its state folder
    // removed, without waiting for Vite (whose open connections may hold it up).
    if (force) return Promise.allSettled([agentServer?.stop({ force: true })]).then(() => {});
    stopping ??= Promise.allSettled([vite.close(), agentServer?.stop()]).then(() => undefined);
    return stopping;
  };

  return {
    url,
    apiUrl: target,
    embedded: agentServer !== null,
    agentServerPid: agentServer?.pid,
    stop,
  };
}

/** `/api/...` → `<target>/...`, adding the API key on the way (never sent to the page). */
function proxyOptions(target, apiKey) {
  return {
    target,
    changeOrigin: true,
    // Streams must not be buffered or time out: a run can stream for minutes.
    timeout: 0,
    proxyTimeout: 0,
    rewrite: (url) => url.slice(API_PREFIX.length) || "/",
    configure(proxy) {
      proxy.on("proxyReq", (proxyReq) => {
        // Whatever the page sends, the key comes from the server's environment only.
        proxyReq.removeHeader("x-api-key");
        proxyReq.removeHeader("cookie");
        proxyReq.removeHeader("authorization");
        proxyReq.removeHeader("origin");
        proxyReq.removeHeader(PROXY_HEADER);
        if (apiKey) proxyReq.setHeader("x-api-key", apiKey);
      });
      proxy.on("proxyRes", (proxyRes) => {
        // The Agent Server allows every origin; the page needs no CORS, so nothing passes.
        for (const name of Object.keys(proxyRes.headers)) {
          if (name.toLowerCase().startsWith("access-control-")) delete proxyRes.headers[name];
        }
      });
    },
  };
}

/** Warns (does not fail) when a given server does not answer: the page will show the errors. */
async function checkServer(target, apiKey, log) {
  try {
    const response = await fetch(`${target}/info`, {
      headers: apiKey ? { "x-api-key": apiKey } : {},
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) log(`Warning: ${target}/info answered ${response.status}.`);
  } catch (error) {
    log(`Warning: could not reach ${target} (${error instanceof Error ? error.message : error}).`);
  }
}
