// Saving a file the page made: a Blob URL clicked through `<a download>`,
// so nothing leaves the browser.

/** Offers `content` (a string) for download as `filename` with MIME type `type`. */
export function downloadFile(filename, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is no longer needed then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
