/** What the client reads and keeps of an error body or an unexpected answer: 64 KiB. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Reads at most `maxBytes` of a response body as text and cancels the rest, so a huge (or
 * decompressing, or endless) error body costs at most that much memory and time.
 *
 * @example const text = await readCappedText(response); // ≤ 64 KiB of the body
 */
export async function readCappedText(
  response: Response,
  maxBytes: number = MAX_ERROR_BODY_BYTES,
): Promise<string> {
  const body = response.body;
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - bytes;
      if (value.byteLength >= room) {
        text += decoder.decode(value.subarray(0, room));
        return text;
      }
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    // Stops the download of whatever is left (and frees the connection).
    reader.cancel().catch(() => {});
  }
}
