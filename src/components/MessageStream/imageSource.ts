import { isPlainObject } from "../../client/isPlainObject";
import type { ContentBlock } from "../../store/messages/Message";

/** An image block's picture: the address to load (`src`), or null when it is not safe to load. */
export interface ImageSource {
  /** An `http(s):` URL, or a base64 `data:` URL of a raster image; null: refused. */
  src: string | null;
  /** The address as given, shortened, to show as text when it is refused. */
  address: string;
  /** Alternative text: the block's `alt`, else "Image" with the file name or format. */
  alt: string;
}

const IMAGE_TYPES: ReadonlySet<string> = new Set(["image", "image_url", "input_image"]);

// Raster formats only: an SVG can carry script (inert in <img>, but not if someone opens it).
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/]+=*$/i;
const MAX_SHOWN = 120;

/**
 * The picture of an image content block, or undefined when the block is not an image. Reads
 * OpenAI's `image_url` (a string or `{ url }`), LangChain's `image` (`url`, or `base64`/`data` with
 * `mime_type`) and Anthropic's `source` (`url` or `base64` with `media_type`). Only `http:` and
 * `https:` URLs and base64 `data:` URLs of PNG, JPEG, GIF, WebP or AVIF images are loaded;
 * anything else (`javascript:`, other `data:`, relative paths) is refused and shown as text.
 *
 * @example imageSource({ type: "image_url", image_url: { url: "https://x.test/cat.png" } })
 * // { src: "https://x.test/cat.png", address: "https://x.test/cat.png", alt: "Image: cat.png" }
 */
export function imageSource(block: ContentBlock): ImageSource | undefined {
  if (!IMAGE_TYPES.has(block.type)) return undefined;
  const address = addressOf(block);
  if (address === undefined) return undefined;
  const src = safeSource(address);
  const shown = address.length > MAX_SHOWN ? `${address.slice(0, MAX_SHOWN - 1)}…` : address;
  const given = typeof block.alt === "string" && block.alt.trim() !== "" ? block.alt : undefined;
  return { src, address: shown, alt: given ?? describe(src) };
}

function addressOf(block: ContentBlock): string | undefined {
  const { image_url: imageUrl, source } = block;
  if (typeof imageUrl === "string") return imageUrl;
  if (isPlainObject(imageUrl) && typeof imageUrl.url === "string") return imageUrl.url;
  if (typeof block.url === "string") return block.url;
  const base64 = typeof block.base64 === "string" ? block.base64 : block.data;
  if (typeof base64 === "string" && typeof block.mime_type === "string") {
    return `data:${block.mime_type};base64,${base64}`;
  }
  if (isPlainObject(source)) {
    if (typeof source.url === "string") return source.url;
    if (typeof source.data === "string" && typeof source.media_type === "string") {
      return `data:${source.media_type};base64,${source.data}`;
    }
  }
  return undefined;
}

function safeSource(address: string): string | null {
  if (DATA_IMAGE.test(address)) return address;
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function describe(src: string | null): string {
  if (src === null) return "Image";
  if (src.startsWith("data:")) return `Image (${src.slice(11, src.indexOf(";"))})`;
  const file = new URL(src).pathname.split("/").pop() ?? "";
  let name = file;
  try {
    name = decodeURIComponent(file);
  } catch {
    // A malformed escape: the raw name is still a name.
  }
  return name === "" ? "Image" : `Image: ${name}`;
}
