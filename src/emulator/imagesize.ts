/**
 * Width/height of PNG and JPEG uploads, read from their headers, so PhotoSize objects carry
 * real dimensions (charts are PNG). Unknown formats report 0×0 rather than guessing.
 */
export interface Dimensions {
  width: number;
  height: number;
}

export function imageSize(bytes: Buffer): Dimensions {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return { width: 0, height: 0 };
}

function jpegSize(bytes: Buffer): Dimensions {
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return { width: 0, height: 0 };
    const marker = bytes[pos + 1] ?? 0;
    const length = bytes.readUInt16BE(pos + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(pos + 5), width: bytes.readUInt16BE(pos + 7) };
    }
    pos += 2 + length;
  }
  return { width: 0, height: 0 };
}
