/**
 * What the docs' code examples may use without declaring it: the app's own values and functions
 * that a snippet refers to (`threadId`, `toast`, …). Written as a global `.d.ts` next to the
 * generated examples, so it never leaks into the project's own type check.
 *
 * Kept short on purpose: an example that needs more than these should declare it itself.
 */
export const EXAMPLE_PRELUDE = `
declare const threadId: string;
declare const runId: string;
declare const apiUrl: string;
declare const apiKey: string;
declare const text: string;
declare const input: { messages: { type: "human"; content: string }[] };
declare function getToken(): Promise<string>;
declare function toast(message: string): void;
declare function render(value: unknown): void;
`;

/**
 * Stand-ins for the few Next.js modules the recipe in docs/nextjs.md imports, typed as Next.js 16
 * types them. The kit does not depend on Next.js; the real build of the example runs in
 * test/package (`npm run test:package`).
 */
export const NEXT_STUBS = `
declare module "next/link" {
  import type { AnchorHTMLAttributes, ReactNode } from "react";
  export default function Link(
    props: { href: string; children?: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>,
  ): ReactNode;
}
declare module "next/headers" {
  export function headers(): Promise<Headers>;
}
declare module "next/navigation" {
  export function notFound(): never;
  export function redirect(url: string): never;
}
declare module "next" {
  export interface NextConfig {
    turbopack?: { root?: string };
  }
}
`;
