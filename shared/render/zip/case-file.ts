import { strToU8, zipSync } from 'fflate';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { canonicalJson, sha256Hex } from '#shared/kernel/journal.ts';
import { type CaseFileContents, caseFileIndexPdf } from '#shared/render/pdf/case-file-index.ts';

/**
 * The electronic case file (电子卷宗) as one verifiable ZIP: the index PDF, every document with
 * its SHA-256, the evidence manifest (SHA-256 and object version of each AV file), the journal
 * with its verification, and manifest.json with the SHA-256 of every file in the ZIP.
 */
export async function caseFileZip(contents: CaseFileContents, journal: JournalEntry[]): Promise<Buffer> {
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  const files: Record<string, Uint8Array> = {
    'index.pdf': await caseFileIndexPdf(contents),
    'case.json': json(contents.record),
    'evidence-manifest.json': json(
      contents.evidence.map((item) => ({
        id: item.id,
        fileName: item.fileName,
        contentType: item.contentType,
        status: item.status,
        size: item.size,
        sha256: item.sha256,
        versionId: item.versionId,
        capturedAt: item.capturedAt,
        deviceId: item.deviceId,
        officer: item.officer,
        location: item.location,
        archivedAt: item.archivedAt,
        retainUntil: item.retainUntil,
        legalHold: item.legalHold,
      })),
    ),
    'journal.json': json({ verification: contents.journal, entries: journal }),
  };
  for (const document of contents.documents) {
    // Exactly the canonical content the document's SHA-256 was computed over.
    files[`documents/${document.serial}-${safeEntryName(document.type)}.json`] = strToU8(
      canonicalJson({
        agencyId: document.agencyId,
        caseId: document.caseId,
        type: document.type,
        number: document.number,
        title: document.title,
        fields: document.fields,
      }),
    );
  }
  const manifest = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha256Hex(bytes)]));
  files['manifest.json'] = json({ generatedAt: contents.generatedAt, files: manifest });
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** A ZIP entry name part that stays in its folder on every unzip tool: no separators, dots or controls. */
export function safeEntryName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]/gu, '_');
}
