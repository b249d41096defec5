import {
  createElement,
  Fragment,
  type ComponentPropsWithoutRef,
  type ElementType,
  type ReactNode,
} from "react";
import type { Token, Tokens } from "marked";
import { CodeBlock } from "./CodeBlock";
import { decodeEntities } from "./decodeEntities";
import type {
  MarkdownComponents,
  MarkdownLabels,
  MarkdownTag,
  MarkdownUrlPolicy,
} from "./MarkdownComponents";

/** What rendering needs besides the tokens; one object per `<Markdown>` props. */
export interface RenderContext {
  components: MarkdownComponents;
  allowUrl: MarkdownUrlPolicy;
  labels: MarkdownLabels;
  /** The link reference definitions (only there so the context changes when they do). */
  definitions: string;
}

/**
 * One block token as React elements: the kit's own element for each token type, so markdown
 * never becomes markup by any other road (raw HTML is shown as the text it is).
 *
 * @example renderBlock(lexBlocks("**hi**", { streaming: false }).blocks[0].token, context, false)
 */
export function renderBlock(token: Token, context: RenderContext, open: boolean): ReactNode {
  const t = token as AnyToken;
  switch (t.type) {
    case "paragraph":
      return element(context, "p", {}, renderInline(t.tokens, context));
    case "heading":
      return element(context, headingTag(t.depth), {}, renderInline(t.tokens, context));
    case "code":
      return renderCode(t, context, open);
    case "blockquote":
      return element(context, "blockquote", {}, renderBlocks(t.tokens, context));
    case "list":
      return renderList(t, context);
    case "table":
      return renderTable(t, context);
    case "hr":
      return element(context, "hr", {});
    case "html":
      // Raw HTML is text here, as written.
      return <p className="lgr-markdown__html">{t.text}</p>;
    case "text":
      return t.tokens ? renderInline(t.tokens, context) : decodeEntities(t.text);
    case "checkbox":
      return <TaskMark checked={t.checked} />;
    case "space":
    case "def":
      return null;
    default:
      return t.raw;
  }
}

function renderBlocks(tokens: readonly Token[], context: RenderContext): ReactNode[] {
  return tokens.map((token, index) => (
    <Fragment key={index}>{renderBlock(token, context, false)}</Fragment>
  ));
}

function renderInline(tokens: readonly Token[] | undefined, context: RenderContext): ReactNode[] {
  return (tokens ?? []).map((token, index) => (
    <Fragment key={index}>{renderInlineToken(token, context)}</Fragment>
  ));
}

function renderInlineToken(token: Token, context: RenderContext): ReactNode {
  const t = token as AnyToken;
  switch (t.type) {
    case "text":
      return t.tokens ? renderInline(t.tokens, context) : decodeEntities(t.text);
    case "escape":
      return t.text;
    case "strong":
      return element(context, "strong", {}, renderInline(t.tokens, context));
    case "em":
      return element(context, "em", {}, renderInline(t.tokens, context));
    case "del":
      return element(context, "del", {}, renderInline(t.tokens, context));
    case "codespan":
      return element(context, "code", {}, t.text);
    case "br":
      return element(context, "br", {});
    case "link":
      return renderLink(t, context);
    case "image":
      return renderImage(t, context);
    case "checkbox":
      return <TaskMark checked={t.checked} />;
    case "html":
      return t.text;
    default:
      return t.raw;
  }
}

/** A link whose URL the policy allows; else its text alone. Autolinks are literal (marked). */
function renderLink(token: Tokens.Link, context: RenderContext): ReactNode {
  const href = token.autolink ? token.href : decodeEntities(token.href);
  const children = token.autolink ? token.text : renderInline(token.tokens, context);
  if (!context.allowUrl(href, "link")) return children;
  const title = token.title ? decodeEntities(token.title) : undefined;
  return element(context, "a", { href, title }, children);
}

/** An image whose URL the policy allows; else its alt text. */
function renderImage(token: Tokens.Image, context: RenderContext): ReactNode {
  const src = decodeEntities(token.href);
  const alt = decodeEntities(token.text);
  if (!context.allowUrl(src, "image")) return alt;
  const title = token.title ? decodeEntities(token.title) : undefined;
  return element(context, "img", { src, alt, title, loading: "lazy" });
}

function renderCode(token: Tokens.Code, context: RenderContext, open: boolean): ReactNode {
  const language = token.lang?.trim().split(/\s+/)[0] || undefined;
  const View = context.components.codeBlock ?? CodeBlock;
  return <View code={token.text} language={language} streaming={open} labels={context.labels} />;
}

function renderList(token: Tokens.List, context: RenderContext): ReactNode {
  const start = token.ordered && typeof token.start === "number" && token.start !== 1;
  const items = token.items.map((item, index) =>
    element(
      context,
      "li",
      { key: index, className: item.task ? "lgr-markdown__task-item" : undefined },
      renderBlocks(item.tokens, context),
    ),
  );
  return token.ordered
    ? element(context, "ol", start ? { start: token.start as number } : {}, items)
    : element(context, "ul", {}, items);
}

function renderTable(token: Tokens.Table, context: RenderContext): ReactNode {
  const cell = (tag: "th" | "td", data: Tokens.TableCell, index: number) =>
    element(
      context,
      tag,
      { key: index, style: data.align ? { textAlign: data.align } : undefined },
      renderInline(data.tokens, context),
    );
  return (
    // Wide tables scroll sideways; the keyboard can scroll them too (focusable).
    <div className="lgr-markdown__table" tabIndex={0} role="group" aria-label="Table">
      {element(
        context,
        "table",
        {},
        element(
          context,
          "thead",
          {},
          element(
            context,
            "tr",
            {},
            token.header.map((data, index) => cell("th", data, index)),
          ),
        ),
        token.rows.length > 0
          ? element(
              context,
              "tbody",
              {},
              token.rows.map((row, rowIndex) =>
                element(
                  context,
                  "tr",
                  { key: rowIndex },
                  row.map((data, index) => cell("td", data, index)),
                ),
              ),
            )
          : null,
      )}
    </div>
  );
}

/** A task list's box: a mark, with its state as text for screen readers (no inert checkbox). */
function TaskMark({ checked }: { checked: boolean }) {
  return (
    <span className="lgr-markdown__task" data-checked={checked ? "true" : "false"}>
      <span className="lgr-markdown__task-box" aria-hidden="true">
        {checked ? "☑" : "☐"}
      </span>
      <span className="lgr-visually-hidden">{checked ? "Done: " : "To do: "}</span>
    </span>
  );
}

/** `h1`…`h6` for a heading's depth. */
function headingTag(depth: number): MarkdownTag {
  return `h${Math.min(Math.max(Math.trunc(depth), 1), 6)}` as MarkdownTag;
}

/** The element for `tag`, or the component the app gave for it. */
function element<Tag extends MarkdownTag>(
  context: RenderContext,
  tag: Tag,
  props: ComponentPropsWithoutRef<Tag> & { key?: number },
  ...children: ReactNode[]
): ReactNode {
  const type: ElementType = context.components[tag] ?? tag;
  return createElement(type, props, ...children);
}

/** The token types this renderer knows, discriminated by `type`. */
type AnyToken =
  | Tokens.Blockquote
  | Tokens.Br
  | Tokens.Checkbox
  | Tokens.Code
  | Tokens.Codespan
  | Tokens.Def
  | Tokens.Del
  | Tokens.Em
  | Tokens.Escape
  | Tokens.Heading
  | Tokens.Hr
  | Tokens.HTML
  | Tokens.Image
  | Tokens.Link
  | Tokens.List
  | Tokens.ListItem
  | Tokens.Paragraph
  | Tokens.Space
  | Tokens.Strong
  | Tokens.Table
  | Tokens.Tag
  | Tokens.Text
  | UnknownToken;

/** A token of a type this renderer does not know (shown as its source text). */
interface UnknownToken {
  type: "unknown";
  raw: string;
}
