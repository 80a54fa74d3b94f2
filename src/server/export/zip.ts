/**
 * A store-only (uncompressed) zip writer that streams: each entry's bytes are given in pieces and
 * passed on as they come, its CRC-32 and size following in a data descriptor, so memory holds one piece
 * and the central directory (a few dozen bytes an entry), never a whole file. No Zip64: an export
 * stays far below 4 GB and 65 535 entries.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS time and date of an instant (UTC; zip has no zone). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: the name is UTF-8

interface Written {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

/** A zip as a pull stream of bytes: `entry` and `finish` yield the bytes to send, in order. */
export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  constructor(at = new Date()) {
    this.stamp = dosTime(at);
  }

  private counted(bytes: Uint8Array): Uint8Array {
    this.offset += bytes.length;
    return bytes;
  }

  /** One entry from its pieces, in order. */
  async *entry(name: string, pieces: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    const encodedName = encoder.encode(name);
    const start = this.offset;
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, FLAGS, true);
    header.setUint16(8, 0, true); // stored
    header.setUint16(10, this.stamp.time, true);
    header.setUint16(12, this.stamp.date, true);
    header.setUint16(26, encodedName.length, true);
    yield this.counted(new Uint8Array(header.buffer));
    yield this.counted(encodedName);
    let crc = 0;
    let size = 0;
    for await (const piece of pieces) {
      const bytes = encoder.encode(piece);
      if (bytes.length === 0) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      yield this.counted(bytes);
    }
    const descriptor = new DataView(new ArrayBuffer(16));
    descriptor.setUint32(0, 0x08074b50, true);
    descriptor.setUint32(4, crc, true);
    descriptor.setUint32(8, size, true);
    descriptor.setUint32(12, size, true);
    yield this.counted(new Uint8Array(descriptor.buffer));
    this.entries.push({ name: encodedName, crc, size, offset: start });
  }

  /** The central directory and its end record: the zip is complete after this. */
  async *finish(): AsyncGenerator<Uint8Array> {
    const start = this.offset;
    for (const e of this.entries) {
      const record = new DataView(new ArrayBuffer(46));
      record.setUint32(0, 0x02014b50, true);
      record.setUint16(4, 20, true);
      record.setUint16(6, 20, true);
      record.setUint16(8, FLAGS, true);
      record.setUint16(12, this.stamp.time, true);
      record.setUint16(14, this.stamp.date, true);
      record.setUint32(16, e.crc, true);
      record.setUint32(20, e.size, true);
      record.setUint32(24, e.size, true);
      record.setUint16(28, e.name.length, true);
      record.setUint32(42, e.offset, true);
      yield this.counted(new Uint8Array(record.buffer));
      yield this.counted(e.name);
    }
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, this.offset - start, true);
    end.setUint32(16, start, true);
    yield this.counted(new Uint8Array(end.buffer));
  }
}
