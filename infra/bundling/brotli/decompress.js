// fontkit's WOFF2 decoder calls `brotli/decompress.js`, a 470 KB pure-JS decoder. Node has Brotli
// built in: Lambda bundles take this module in its place (infra/constructs/project-function.ts).
import { brotliDecompressSync } from 'node:zlib';

export default function decompress(buffer) {
  return new Uint8Array(brotliDecompressSync(buffer));
}
