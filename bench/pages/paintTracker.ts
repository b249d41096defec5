/**
 * Watches how much of the streamed reply the page shows, and when it was painted.
 *
 * - A `MutationObserver` on the view reads, from the mutation records only (never a whole
 *   `textContent`), the length of the message paragraph that changed (the sum of its text
 *   nodes' lengths: MessageStream shows a long reply as several), or a `data-chars` attribute
 *   (the summary view). The longest length seen is "shown" (the reply only grows).
 * - A `requestAnimationFrame` loop marks the end of every frame: from each rAF callback it posts
 *   a task of the highest priority (`scheduler.postTask(…, { priority: "user-blocking" })`), which
 *   runs once that frame's rendering (style, layout, paint) is done, ahead of ordinary tasks and
 *   `scheduler.yield()` continuations. Whatever was shown before that task is painted at its time.
 *
 * So "painted at" is the end of the first frame rendered after the DOM changed, whatever code
 * made the change (a rAF callback, a task, a microtask) and however long the main thread stayed
 * busy after it. The same tracker, with the same cost, runs for every contender.
 */
export interface PaintSample {
  /** performance.now() at the end of the frame that painted it. */
  at: number;
  /** The longest text shown (characters). */
  length: number;
}

export class PaintTracker {
  /** One entry per frame that painted a longer text. */
  readonly painted: PaintSample[] = [];
  /**
   * The end of the first frame that painted a text node starting with `firstTextPrefix` (the
   * reply's first token), or undefined.
   */
  firstTextPaintedAt: number | undefined;
  /** performance.now() at the end of every frame while tracking. */
  readonly frameEnds: number[] = [];
  /** Number of mutation records seen. */
  mutations = 0;
  #shown = 0;
  #paintedLength = 0;
  #running = true;
  #waiters: { length: number; resolve: (at: number) => void }[] = [];
  #firstTextShown = false;
  readonly #firstTextPrefix: string;
  readonly #observer: MutationObserver;
  readonly #postFrameEnd: () => void;

  constructor(root: Node, { firstTextPrefix = "t0 " }: { firstTextPrefix?: string } = {}) {
    this.#firstTextPrefix = firstTextPrefix;
    this.#observer = new MutationObserver((records) => {
      this.mutations += records.length;
      let longest = this.#shown;
      // A message's text may be several text nodes (MessageStream renders a long reply as
      // chunks): measure each changed message paragraph once per batch of records.
      const paragraphs = new Set<Element>();
      for (const record of records) {
        const paragraph = paragraphOf(record.target);
        if (paragraph) paragraphs.add(paragraph);
        if (record.type === "characterData") {
          longest = Math.max(longest, (record.target as Text).length);
          this.#noticeFirstText(record.target);
        } else if (record.type === "attributes") {
          longest = Math.max(longest, charsOf(record.target));
        } else {
          record.addedNodes.forEach((node) => {
            longest = Math.max(longest, longestIn(node));
            if (!this.#firstTextShown) this.#noticeFirstText(node);
          });
        }
      }
      for (const paragraph of paragraphs) longest = Math.max(longest, textLength(paragraph));
      this.#shown = longest;
    });
    this.#observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["data-chars"],
    });
    this.#postFrameEnd = highPriorityPoster(() => this.#frameEnd());
    const loop = () => {
      if (!this.#running) return;
      this.#postFrameEnd();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  /** The longest text the DOM holds right now (painted or not). */
  get shown(): number {
    return this.#shown;
  }

  /** Resolves with the time of the end of the first frame that painted `length` characters. */
  whenPainted(length: number): Promise<number> {
    const done = this.painted.find((sample) => sample.length >= length);
    if (done) return Promise.resolve(done.at);
    return new Promise((resolve) => this.#waiters.push({ length, resolve }));
  }

  /** Resolves after `n` more frames ended. */
  frames(n: number): Promise<void> {
    const target = this.frameEnds.length + n;
    return new Promise((resolve) => {
      const check = () => (this.frameEnds.length >= target ? resolve() : setTimeout(check, 5));
      check();
    });
  }

  stop(): void {
    this.#running = false;
    this.#observer.disconnect();
  }

  /** Whether a text node in `node` (or `node` itself) starts with the first token. */
  #noticeFirstText(node: Node): void {
    if (this.#firstTextShown) return;
    if (node.nodeType === Node.TEXT_NODE) {
      this.#firstTextShown = (node as Text).data.startsWith(this.#firstTextPrefix);
      return;
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text && !this.#firstTextShown; text = walker.nextNode()) {
      this.#firstTextShown = (text as Text).data.startsWith(this.#firstTextPrefix);
    }
  }

  /** Forgets the first text seen so far (call right before the timed part starts). */
  resetFirstText(): void {
    this.#firstTextShown = false;
    this.firstTextPaintedAt = undefined;
  }

  #frameEnd(): void {
    const at = performance.now();
    this.frameEnds.push(at);
    if (this.#firstTextShown && this.firstTextPaintedAt === undefined) this.firstTextPaintedAt = at;
    if (this.#shown <= this.#paintedLength) return;
    this.#paintedLength = this.#shown;
    this.painted.push({ at, length: this.#shown });
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.length > this.#paintedLength) return true;
      waiter.resolve(at);
      return false;
    });
  }
}

interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: string }): Promise<unknown>;
}

/** A function that queues `callback` as a task of the highest priority available. */
function highPriorityPoster(callback: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler && typeof scheduler.postTask === "function") {
    return () => void scheduler.postTask(callback, { priority: "user-blocking" });
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = callback;
  return () => channel.port2.postMessage(0);
}

const PARAGRAPH = ".bench-text, .lgr-message__text";

/** The message paragraph a node is in (or is), if any. */
function paragraphOf(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(PARAGRAPH) ?? null;
}

/** The length of the text in an element: the sum of its text nodes (each length is O(1)). */
function textLength(element: Element): number {
  let length = 0;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode())
    length += (text as Text).length;
  return length;
}

function charsOf(node: Node): number {
  if (!(node instanceof Element)) return 0;
  const value = Number(node.getAttribute("data-chars"));
  return Number.isFinite(value) ? value : 0;
}

/** The longest text node (or `data-chars`) in a newly added subtree. */
function longestIn(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).length;
  if (!(node instanceof Element)) return 0;
  let longest = charsOf(node);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    longest = Math.max(
      longest,
      current.nodeType === Node.TEXT_NODE ? (current as Text).length : charsOf(current),
    );
  }
  return longest;
}
