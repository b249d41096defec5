"use client";
import type { CodeBlockProps } from "./MarkdownComponents";
import { useCopyText } from "./useCopyText";

/**
 * A fenced code block: the language, a "Copy code" button, and the code as text (never
 * highlighted or parsed). The `<pre>` is focusable so a keyboard can scroll long lines. Styled
 * by `.lgr-markdown__code` in styles/markdown.css.
 *
 * @example <CodeBlock code="npm i" language="sh" streaming={false} labels={labels} />
 */
export function CodeBlock({ code, language, streaming, labels }: CodeBlockProps) {
  const { state, copy } = useCopyText();
  return (
    <div
      className="lgr-markdown__code"
      data-language={language}
      data-streaming={streaming ? "true" : "false"}
    >
      <div className="lgr-markdown__code-bar">
        <span className="lgr-markdown__code-language">{language ?? "code"}</span>
        <span className="lgr-markdown__copy-status" role="status">
          {state === "copied" ? labels.copied : state === "failed" ? labels.copyFailed : ""}
        </span>
        <button
          type="button"
          className="lgr-button lgr-markdown__copy"
          data-size="small"
          data-state={state}
          onClick={() => void copy(code)}
        >
          {labels.copy}
        </button>
      </div>
      <pre className="lgr-markdown__pre" tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>{code}</code>
      </pre>
    </div>
  );
}
