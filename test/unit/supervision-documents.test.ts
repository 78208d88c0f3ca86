import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { NotFound } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { verifyDocument } from '#shared/recording/use-cases/case-documents.ts';
import { supervisionDocumentPdf } from '#shared/render/pdf/supervision-document.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import { MatterInput, OpinionInput } from '#shared/supervision/domain/matter.ts';
import { openMatter } from '#shared/supervision/use-cases/open-matter.ts';
import { issueOpinion, printableOpinion } from '#shared/supervision/use-cases/supervision-opinions.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';

const BASE_URL = 'https://zfgs.example.gov.cn';
const body: Principal = {
  sub: 'supervisor-changning-sfj',
  name: '何监督',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises: ['changning-mzj'],
};
const leaderOf = (agencyId: string): Principal => ({
  sub: `leader-${agencyId}`,
  name: '李局长',
  agencyId,
  roles: ['leader'],
});

async function issued() {
  const world = inMemoryWorld('2026-03-02T02:00:00.000Z');
  for (const [agencyId, name, documentPrefix] of [
    ['changning-sfj', '昌宁县司法局', '昌司'],
    ['changning-mzj', '昌宁县民政局', '昌民'],
  ] as const)
    await world.ports.agencies.put({
      agencyId,
      name,
      region: '昌宁县',
      documentPrefix,
      units: [],
      updatedAt: '2026-03-01T00:00:00.000Z',
      updatedBy: 'platform-admin',
    });
  const matter = await openMatter(
    world.ports,
    body,
    MatterInput.parse({
      agencyId: 'changning-mzj',
      source: '12345热线转办',
      sourceRef: '12345-20260301-0042',
      subject: { practice: '有案不立' },
      facts: '群众通过12345热线反映多次举报未予立案',
    }),
  );
  const opinion = await issueOpinion(
    world.ports,
    body,
    matter.matterId,
    OpinionInput.parse({
      kind: 'opinion',
      ruleBroken: '违反《行政处罚法》第五十四条',
      demand: '对三件举报依法补办立案',
      rectifyBy: '2026-12-07',
    }),
  );
  return { world, opinion: opinion.opinions[0] ?? expect.fail('no opinion') };
}

describe('a supervision document prints like a case document (SUP-3, PUB-16)', () => {
  it('[SUP-3] [PUB-16] the opinion: A4, the body, number, agency addressed, facts, rule, demand, deadline as 2026年12月7日, QR of its verification page', async () => {
    const { world, opinion } = await issued();
    const contents = await printableOpinion(world.ports, leaderOf('changning-mzj'), opinion.opinionId);
    const verificationUrl = new URL(sitePaths.document(opinion.verificationCode), BASE_URL).toString();
    const pdf = await supervisionDocumentPdf({ ...contents, verificationUrl });
    const folder = mkdtempSync(join(tmpdir(), 'supervision-documents-'));
    writeFileSync(join(folder, 'opinion.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(folder, 'opinion.pdf'), '-'])
      .toString('utf8')
      .replace(/\s+/g, '');
    for (const part of [
      '昌宁县司法局',
      '行政执法监督意见书',
      '昌司监意〔2026〕1号',
      '主送：昌宁县民政局',
      '涉及执法行为：有案不立',
      '群众通过12345热线反映多次举报未予立案',
      '违反《行政处罚法》第五十四条',
      '对三件举报依法补办立案',
      '整改期限：2026年12月7日',
      '二〇二六年三月二日',
      opinion.verificationCode,
      opinion.sha256,
    ])
      expect(text).toContain(part);
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-singlefile',
      join(folder, 'opinion.pdf'),
      join(folder, 'opinion'),
    ]);
    const image = PNG.sync.read(readFileSync(join(folder, 'opinion.png')));
    expect([image.width, image.height]).toEqual([910, 1287]);
    const code = (jsqr as unknown as typeof jsqr.default)(
      new Uint8ClampedArray(image.data),
      image.width,
      image.height,
    );
    expect(code?.data).toBe(verificationUrl);
  });

  it('[PUB-16] its code is checked like a case document’s: the body, the type, the number, in force', async () => {
    const { world, opinion } = await issued();
    const verified = await verifyDocument(world.ports, opinion.verificationCode);
    expect(verified).toMatchObject({
      agencyId: 'changning-sfj',
      agencyName: '昌宁县司法局',
      typeName: '行政执法监督意见书',
      title: '致昌宁县民政局',
      number: '昌司监意〔2026〕1号',
      issuedOn: '2026-03-02',
      sha256: opinion.sha256,
      status: 'in-force',
    });
  });

  it('[SUP-3] nobody outside the matter prints it: another agency’s leader gets 404', async () => {
    const { world, opinion } = await issued();
    await expect(printableOpinion(world.ports, leaderOf('changning-scj'), opinion.opinionId)).rejects.toThrow(
      NotFound,
    );
  });
});
