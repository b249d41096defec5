/**
 * Saves text as a file through the browser's download (a short-lived object URL on a detached
 * link: nothing is added to the page).
 *
 * @example downloadText("{}\n", "events.ndjson", "application/x-ndjson")
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has started the download (revoking at once can cancel it in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
