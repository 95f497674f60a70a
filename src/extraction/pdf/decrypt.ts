// Decrypting single streams of a PDF encrypted by the Standard security handler with an empty user password
// (owner-password-only files, such as ACORD's XFA eForms), RC4 variants only (R2-R4 with /V2 or no crypt filter).
// pdfjs decrypts what it reads, but exposes no XFA datasets; pdf-lib exposes them but does not decrypt.
// AES (/AESV2, /AESV3, R5-R6) is not handled: callers get null and say so.
import { createHash } from 'node:crypto';
import { PDFArray, PDFBool, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';

const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function md5(...parts: Uint8Array[]): Buffer {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** RC4 (ARC4): symmetric, so this both encrypts and decrypts. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const bytesOf = (o: unknown): Uint8Array | null => (o instanceof PDFString || o instanceof PDFHexString ? o.asBytes() : null);

/**
 * The function that decrypts a stream of object `ref`, for a document whose user password is empty; null when the
 * document is not encrypted this way (a user password is set, or the cipher is AES).
 */
export function emptyPasswordStreamDecrypter(doc: PDFDocument): ((ref: PDFRef, data: Uint8Array) => Uint8Array) | null {
  const encrypt = doc.context.lookup(doc.context.trailerInfo.Encrypt);
  if (!(encrypt instanceof PDFDict)) return null;
  const num = (key: string) => {
    const v = encrypt.lookup(PDFName.of(key));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  const filter = encrypt.lookup(PDFName.of('Filter'));
  const v = num('V') ?? 0;
  const r = num('R') ?? 0;
  if (!(filter instanceof PDFName) || filter.asString() !== '/Standard' || r < 2 || r > 4) return null;
  if (v === 4) {
    // crypt filters: only RC4 (/V2) is handled
    const cf = encrypt.lookup(PDFName.of('CF'));
    const stmF = encrypt.lookup(PDFName.of('StmF'));
    const name = stmF instanceof PDFName ? stmF.asString().slice(1) : 'Identity';
    if (name !== 'Identity') {
      const filterDict = cf instanceof PDFDict ? cf.lookup(PDFName.of(name)) : undefined;
      const cfm = filterDict instanceof PDFDict ? filterDict.lookup(PDFName.of('CFM')) : undefined;
      if (!(cfm instanceof PDFName) || cfm.asString() !== '/V2') return null;
    }
  }
  const o = bytesOf(encrypt.lookup(PDFName.of('O')));
  const u = bytesOf(encrypt.lookup(PDFName.of('U')));
  const ids = doc.context.trailerInfo.ID;
  const idArray = ids instanceof PDFArray ? ids : doc.context.lookup(ids);
  const id0 = idArray instanceof PDFArray ? bytesOf(idArray.lookup(0)) : null;
  const p = num('P');
  if (!o || !u || !id0 || p === undefined) return null;

  const length = r === 2 ? 5 : (num('Length') ?? 40) / 8;
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p | 0);
  const encryptMetadata = encrypt.lookup(PDFName.of('EncryptMetadata'));
  const parts = [PASSWORD_PADDING, o.subarray(0, 32), pBytes, id0];
  if (r >= 4 && encryptMetadata instanceof PDFBool && !encryptMetadata.asBoolean()) parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let key = md5(...parts);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, length));
  key = key.subarray(0, length);

  // the empty user password must check out, else the file needs a password we do not have
  const expectedU = r === 2 ? rc4(key, PASSWORD_PADDING) : userCheckR3(key, id0);
  const uPrefix = r === 2 ? u.subarray(0, 32) : u.subarray(0, 16);
  if (Buffer.compare(Buffer.from(expectedU.subarray(0, uPrefix.length)), Buffer.from(uPrefix)) !== 0) return null;

  return (ref, data) => {
    const objectKey = md5(
      key,
      Buffer.from([ref.objectNumber & 0xff, (ref.objectNumber >> 8) & 0xff, (ref.objectNumber >> 16) & 0xff, ref.generationNumber & 0xff, (ref.generationNumber >> 8) & 0xff]),
    ).subarray(0, Math.min(length + 5, 16));
    return rc4(objectKey, data);
  };
}

function userCheckR3(key: Uint8Array, id0: Uint8Array): Uint8Array {
  let x = rc4(key, md5(PASSWORD_PADDING, id0));
  for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x);
  return x;
}
