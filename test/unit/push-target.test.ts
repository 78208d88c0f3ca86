import { describe, expect, it } from 'vitest';
import { InternalTargetRefused, permittedAddresses } from '#shared/events/push-http.ts';
import { isInternalAddress, pushTargetRefusal } from '#shared/recording/domain/push.ts';

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
    // Read as the WHATWG parser reads them, as the request would.
    ['https://0x7f.1/x', '内网'],
    ['https://2130706433/x', '内网'],
    ['https://[::ffff:127.0.0.1]/x', '内网'],
    ['https://[::ffff:7f00:1]/x', '内网'],
    ['https://[::ffff:a9fe:a9fe]/latest/meta-data', '内网'],
    ['https://[64:ff9b::7f00:1]/x', '内网'],
    ['https://[64:ff9b::a00:1]/x', '内网'],
    ['https://[64:ff9b:1::1]/x', '内网'],
    ['https://[2002:7f00:1::1]/x', '内网'],
    ['https://[fe80::1]/x', '内网'],
    ['https://[::]/x', '内网'],
    ['https://0.0.0.0/x', '内网'],
    ['https://localhost./x', '内网'],
    ['https://LOCALHOST../x', '内网'],
    ['https://a.localhost./x', '内网'],
    ['https://metadata.google.internal./x', '内网'],
    ['https://printer.local/x', '内网'],
    ['https://127.0.0.1./x', '内网'],
    ['not a url', '格式'],
  ])('[ORG-2] %s is refused in AWS (no blind SSRF)', (url, reason) => {
    expect(pushTargetRefusal(url, false)).toContain(reason);
    expect(pushTargetRefusal(url, true)).toBeUndefined();
  });

  it.each([
    'https://gkpt.yn.gov.cn/api/publicity',
    'https://202.96.128.86/publicity',
    'https://[2400:3200::1]/publicity',
    'https://[64:ff9b::ca60:8056]/publicity',
  ])('[ORG-2] the public target %s is accepted', (url) => {
    expect(pushTargetRefusal(url, false)).toBeUndefined();
  });

  it.each([
    ['127.0.0.1', true],
    ['10.0.0.1', true],
    ['100.64.0.1', true],
    ['169.254.169.254', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['192.0.2.1', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['::', true],
    ['fc00::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:a9fe:a9fe', true],
    ['[::ffff:7f00:1]', true],
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b:1::a00:1', true],
    ['2002:a00:1::1', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['not an address', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['202.96.128.86', false],
    ['2400:3200::1', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::808:808', false],
  ])('[ORG-2] the address %s is internal: %s', (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });

  it('[ORG-2] every resolved address is checked: one internal address refuses the name', async () => {
    const resolver = (list: string[]) => async () => list;
    await expect(
      permittedAddresses('gkpt.example.gov.cn', resolver(['202.96.128.86', '10.0.0.7']), false),
    ).rejects.toBeInstanceOf(InternalTargetRefused);
    await expect(
      permittedAddresses('gkpt.example.gov.cn', resolver(['::ffff:7f00:1']), false),
    ).rejects.toBeInstanceOf(InternalTargetRefused);
    await expect(permittedAddresses('gkpt.example.gov.cn', resolver([]), false)).rejects.toBeInstanceOf(
      InternalTargetRefused,
    );
    expect(
      await permittedAddresses('gkpt.example.gov.cn', resolver(['202.96.128.86', '2400:3200::1']), false),
    ).toEqual(['202.96.128.86', '2400:3200::1']);
    // A literal is its own address, brackets or not; it is never looked up.
    const never = async () => {
      throw new Error('looked up');
    };
    expect(await permittedAddresses('[2400:3200::1]', never, false)).toEqual(['2400:3200::1']);
    await expect(permittedAddresses('[::1]', never, false)).rejects.toBeInstanceOf(InternalTargetRefused);
    expect(await permittedAddresses('[::1]', never, true)).toEqual(['::1']);
  });
});
