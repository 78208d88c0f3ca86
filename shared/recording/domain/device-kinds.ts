/** The kinds of recording device (REC-10) and their names; without zod, so the console imports it. */
export const DEVICE_KINDS = ['body-camera', 'camera', 'audio-recorder', 'phone', 'tablet', 'other'] as const;
export const deviceKindLabels: Record<(typeof DEVICE_KINDS)[number], string> = {
  'body-camera': '执法记录仪',
  camera: '摄像机/照相机',
  'audio-recorder': '录音笔',
  phone: '执法手机',
  tablet: '执法终端',
  other: '其他',
};
