/** Saving generated text as a file from an extension page: a Blob URL on an <a download>. */

/** Starts the download of `text` as `filename`. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today's date as YYYY-MM-DD, for file names that sort. */
export function dateStamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
