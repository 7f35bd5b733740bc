// Saves text as a file the way a browser does (a Blob behind a temporary download link): Electron shows its save dialog.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in Chromium before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
