/**
 * multipart/form-data parser over a fully buffered body.
 *
 * Written in-house rather than using busboy or undici's `Request.formData()` because grammY
 * writes `content-disposition:form-data;name="x";filename=<raw UTF-8 name>` — no quotes,
 * no spaces — and a filename such as "Báo cáo tuần 3.xlsx" is cut at the first space by
 * strict header-parameter parsers. Telegram accepts it, so the emulator must too.
 */
export interface UploadedPart {
  field: string;
  filename: string;
  contentType?: string;
  bytes: Buffer;
}

export interface MultipartResult {
  fields: Record<string, string>;
  files: Map<string, UploadedPart>;
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedPart>();
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);

  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MultipartError("multipart boundary not found");
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--boundary--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw new MultipartError("unterminated part headers");
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString("utf8"));
    const contentStart = headerEnd + 4;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) throw new MultipartError("unterminated part body");
    const disposition = headers.get("content-disposition") ?? "";
    const field = paramOf(disposition, "name");
    if (field === undefined) throw new MultipartError("part without a name");
    const bytes = body.subarray(contentStart, contentEnd);
    const filename = filenameOf(disposition);
    if (filename === undefined) {
      fields[field] = bytes.toString("utf8");
    } else {
      const contentType = headers.get("content-type");
      files.set(field, {
        field,
        filename,
        bytes: Buffer.from(bytes),
        ...(contentType ? { contentType } : {}),
      });
    }
    pos = contentEnd + nextDelimiter.length;
  }
  return { fields, files };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** `name` must not match inside `filename=`: require start-of-value or `;` before it. */
function paramOf(disposition: string, param: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i");
  const m = re.exec(disposition);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? "").trim();
}

function filenameOf(disposition: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*=(?:UTF-8|utf-8)''([^;]*)/.exec(disposition);
  if (extended?.[1] !== undefined) return decodeURIComponent(extended[1]);
  const quoted = /(?:^|;)\s*filename="((?:[^"\\]|\\.)*)"/i.exec(disposition);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, "$1");
  // grammY: unquoted and always the last parameter, so it runs to the end of the line.
  const raw = /(?:^|;)\s*filename=(.*)$/i.exec(disposition);
  return raw?.[1]?.trim();
}
