import { cleanup, render, screen, within } from "@testing-library/react";
import { createRef, isValidElement, type ComponentProps, type ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown, isSafeUrl, type MarkdownComponents } from "../../../src/markdown";

afterEach(cleanup);

/** Renders markdown and returns its root element. */
function show(text: string, props: Partial<ComponentProps<typeof Markdown>> = {}): HTMLElement {
  const { container } = render(<Markdown {...props}>{text}</Markdown>);
  return container.querySelector(".lgr-markdown") as HTMLElement;
}

describe("Markdown: what it renders", () => {
  it("renders GitHub-flavoured markdown as elements", () => {
    const root = show(
      [
        "# Title",
        "Some **bold**, _em_, `code`, ~~struck~~ and [a link](https://example.com).",
        "- [x] done\n- [ ] to do",
        "1. one\n2. two",
        "> quoted",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "---",
      ].join("\n\n"),
    );
    expect(screen.getByRole("heading", { level: 1, name: "Title" })).toBeTruthy();
    expect(root.querySelector("strong")?.textContent).toBe("bold");
    expect(root.querySelector("em")?.textContent).toBe("em");
    expect(root.querySelector("p code")?.textContent).toBe("code");
    expect(root.querySelector("del")?.textContent).toBe("struck");
    expect(screen.getByRole("link", { name: "a link" }).getAttribute("href")).toBe(
      "https://example.com",
    );
    const [tasks, numbered] = screen.getAllByRole("list");
    expect(within(tasks as HTMLElement).getAllByRole("listitem")[0]?.textContent).toContain(
      "Done: done",
    );
    expect(numbered?.tagName).toBe("OL");
    expect(root.querySelector("blockquote")?.textContent).toBe("quoted");
    const table = screen.getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["a", "b"]);
    expect(within(table).getAllByRole("cell")[1]?.style.textAlign).toBe("right");
    expect(root.querySelector("hr")).not.toBeNull();
  });

  it("renders character references as text", () => {
    expect(show("Fish &amp; chips &#8212; &copy;").textContent).toBe("Fish & chips — ©");
  });

  it("gives code blocks their language and a Copy code button", () => {
    const root = show("```ts title=x\nconst a = 1 < 2;\n```\n\n```\nplain\n```");
    const blocks = root.querySelectorAll(".lgr-markdown__code");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.querySelector("code")?.className).toBe("language-ts");
    expect(blocks[0]?.querySelector("code")?.textContent).toBe("const a = 1 < 2;");
    expect(screen.getAllByRole("button", { name: "Copy code" })).toHaveLength(2);
  });

  it("spreads the rest of its props on its root and takes a ref", () => {
    const ref = createRef<HTMLDivElement>();
    const root = show("hi", { ref, className: "mine", id: "answer", "aria-label": "Answer" });
    expect(ref.current).toBe(root);
    expect(root.className).toBe("lgr-markdown mine");
    expect(root.id).toBe("answer");
    expect(screen.getByLabelText("Answer")).toBe(root);
  });
});

describe("Markdown: safe by construction", () => {
  it("shows raw HTML as the text it is, never as markup", () => {
    const root = show(
      '<script>alert(1)</script>\n\nInline <img src=x onerror="alert(1)"> and <b>bold</b>\n\n<div onclick="alert(1)">block</div>',
    );
    expect(root.querySelector("script, img, b, div div, [onclick], [onerror]")).toBeNull();
    expect(root.textContent).toContain("<script>alert(1)</script>");
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(root.textContent).toContain('<div onclick="alert(1)">block</div>');
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
  ])("renders a link to %j as its text, without an href", (url) => {
    const root = show(`Click [here](${url}) now`);
    expect(root.querySelector("a")).toBeNull();
    expect(root.textContent).toBe("Click here now");
  });

  it("renders http(s) images, and refused ones (data:, javascript:) as their alt text", () => {
    const root = show(
      "![chart](https://example.com/c.png) ![pixel](data:image/png;base64,AAAA) ![x](javascript:alert(1))",
    );
    const images = root.querySelectorAll("img");
    expect(images).toHaveLength(1);
    expect(images[0]?.getAttribute("src")).toBe("https://example.com/c.png");
    expect(images[0]?.getAttribute("alt")).toBe("chart");
    expect(root.textContent).toContain("pixel");
    expect(root.textContent).toContain("x");
  });

  it("takes a URL policy of the app's (here: no images at all)", () => {
    const root = show("![chart](https://example.com/c.png) [ok](https://example.com)", {
      allowUrl: (url, kind) => kind === "link" && isSafeUrl(url, kind),
    });
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("a")?.getAttribute("href")).toBe("https://example.com");
  });
});

describe("Markdown: streaming", () => {
  it("shows an unclosed code fence as a code block while it streams", () => {
    const root = show("Here:\n\n```python\nprint('hi')\nfor", { streaming: true });
    const code = root.querySelector(".lgr-markdown__code");
    expect(code?.getAttribute("data-streaming")).toBe("true");
    expect(code?.querySelector("code")?.textContent).toBe("print('hi')\nfor");
    expect(root.textContent).not.toContain("```");
  });

  it("marks a code block as streaming only until its fence closes", () => {
    const { rerender, container } = render(<Markdown streaming>{"```sh\nnpm i"}</Markdown>);
    const block = () => container.querySelector(".lgr-markdown__code");
    expect(block()?.getAttribute("data-streaming")).toBe("true");
    rerender(<Markdown streaming>{"```sh\nnpm i\n```"}</Markdown>);
    expect(block()?.getAttribute("data-streaming")).toBe("false");
    expect(block()?.querySelector("code")?.textContent).toBe("npm i");
  });

  it("closes open markers of the growing block instead of showing them", () => {
    const root = show("Some **bold te", { streaming: true });
    expect(root.querySelector("strong")?.textContent).toBe("bold te");
    expect(root.textContent).toBe("Some bold te");

    cleanup();
    expect(show("Run `npm i", { streaming: true }).querySelector("code")?.textContent).toBe(
      "npm i",
    );
    cleanup();
    expect(show("An _emphasis", { streaming: true }).querySelector("em")?.textContent).toBe(
      "emphasis",
    );
    cleanup();
    expect(show("Hello **", { streaming: true }).textContent?.trim()).toBe("Hello");
    cleanup();
    const link = show("See [the docs](https://exa", { streaming: true });
    expect(link.querySelector("a")).toBeNull();
    expect(link.textContent).toBe("See the docs");
  });

  it("shows finished text as written (no closing once streaming ends)", () => {
    expect(show("2 **3").textContent).toBe("2 **3");
  });

  it("renders a finished block once: only the growing last block renders on each update", () => {
    const renders = new Map<string, number>();
    const Paragraph = (props: ComponentProps<"p">) => {
      const text = textOf(props.children);
      renders.set(text, (renders.get(text) ?? 0) + 1);
      return <p {...props} />;
    };
    // Stable, as the docs ask: a new object each render would render every block again.
    const components: MarkdownComponents = { p: Paragraph };
    const tokens = ["The", " second", " paragraph", " grows", " token", " by", " token."];
    let text = "The first paragraph is done.\n\n";
    const { rerender, container } = render(
      <Markdown streaming components={components}>
        {text}
      </Markdown>,
    );
    const first = container.querySelector("p");
    for (const token of tokens) {
      text += token;
      rerender(
        <Markdown streaming components={components}>
          {text}
        </Markdown>,
      );
    }
    expect(renders.get("The first paragraph is done.")).toBe(1);
    // The same DOM node all along: kept, not re-created.
    expect(container.querySelector("p")).toBe(first);
    expect(renders.get("The second paragraph grows token by token.")).toBe(1);
    expect([...renders.values()].reduce((sum, count) => sum + count, 0)).toBe(1 + tokens.length);

    // The reply ends: the first block still does not render again.
    rerender(<Markdown components={components}>{text}</Markdown>);
    expect(renders.get("The first paragraph is done.")).toBe(1);
  });
});

/** The text of rendered React children (strings, arrays, fragments, elements). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}
