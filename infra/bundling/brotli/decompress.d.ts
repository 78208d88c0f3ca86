/** Decodes a Brotli stream, as `brotli/decompress.js` does. */
export default function decompress(buffer: Uint8Array, outputSize?: number): Uint8Array;
