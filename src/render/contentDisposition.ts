/** RFC 6266 / 5987: Vietnamese file names survive the download (the sandbox's files, the dashboard's .xlsx). */
export function contentDisposition(fileName: string, attachment: boolean): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${attachment ? "attachment" : "inline"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
