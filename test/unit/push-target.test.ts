import { describe, expect, it } from 'vitest';
import { isInternalAddress, pushTargetRefusal } from '#shared/domain/push.ts';

describe('the push target of another platform (ORG-2)', () => {
  it.each([
    ['http://platform.example.gov.cn/publicity', '须使用 https'],
    ['https://127.0.0.1/x', '内网'],
    ['https://169.254.169.254/latest/meta-data', '内网'],
    ['https://10.1.2.3/x', '内网'],
    ['https://172.20.0.1/x', '内网'],
    ['https://192.168.1.10/x', '内网'],
    ['https://localhost:8443/x', '内网'],
    ['https://[::1]/x', '内网'],
    ['https://[fd00::1]/x', '内网'],
    ['https://metadata.google.internal/x', '内网'],
  ])('[ORG-2] %s is refused in AWS (no blind SSRF)', (url, reason) => {
    expect(pushTargetRefusal(url, false)).toContain(reason);
    expect(pushTargetRefusal(url, true)).toBeUndefined();
  });

  it('[ORG-2] a public https address is accepted', () => {
    expect(pushTargetRefusal('https://gkpt.yn.gov.cn/api/publicity', false)).toBeUndefined();
    expect(isInternalAddress('8.8.8.8')).toBe(false);
    expect(isInternalAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isInternalAddress('172.32.0.1')).toBe(false);
  });
});
