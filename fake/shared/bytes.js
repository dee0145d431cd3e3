// Byte encodings both fake providers use (Kinde's tokens and Basic
// credentials, Clerk's password digests, the shared list cursors), with web
// platform globals only.

/** Lower-case hex of `bytes`. */
export function toHex(bytes) {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Standard base64 of `bytes`. */
export function toBase64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes of standard base64 `text`; throws (atob's DOMException) when it is not base64. */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
