import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A video file of a QR code held before the camera, for Chromium's fake capture device
 * (`--use-file-for-fake-video-capture`): YUV4MPEG2, 4:2:0, the code's modules black on white in
 * the middle of a grey frame, a few frames that Chromium plays in a loop.
 */
export async function writeQrVideo(path: string, text: string): Promise<void> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules.size + 2 * quiet));
  const side = (modules.size + 2 * quiet) * scale;
  const [left, top] = [(WIDTH - side) / 2, (HEIGHT - side) / 2].map(Math.floor) as [number, number];
  const luma = Buffer.alloc(WIDTH * HEIGHT, 128);
  for (let y = 0; y < side; y += 1)
    for (let x = 0; x < side; x += 1) {
      const [row, column] = [Math.floor(y / scale) - quiet, Math.floor(x / scale) - quiet];
      const inside = row >= 0 && column >= 0 && row < modules.size && column < modules.size;
      luma[(top + y) * WIDTH + left + x] = inside && modules.get(row, column) ? 16 : 235;
    }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  await writeFile(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`),
      frame,
      frame,
      frame,
    ]),
  );
}
