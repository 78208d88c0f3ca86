import type { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';

const enc = encodeURIComponent;

const withQuery = (path: string, query: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

/** The addresses of the public site's pages (functions/site/routes.ts), for links, QR codes and feeds. */
export const sitePaths = {
  home: (query: { q?: string; cursor?: string } = {}) => withQuery('/', query),
  agency: (agencyId: string) => `/agencies/${enc(agencyId)}`,
  checklist: (agencyId: string, kind: ChecklistKind, edition?: number) =>
    withQuery(`/agencies/${enc(agencyId)}/lists/${kind}`, { edition }),
  checklistDiff: (agencyId: string, kind: ChecklistKind, from: number, to: number) =>
    withQuery(`/agencies/${enc(agencyId)}/lists/${kind}/diff`, { from, to }),
  decisions: (
    agencyId: string,
    query: { from?: string; to?: string; category?: string; documentNo?: string; cursor?: string } = {},
  ) => withQuery(`/agencies/${enc(agencyId)}/decisions`, query),
  decision: (id: string) => `/decisions/${enc(id)}`,
  randomDraws: (agencyId: string) => `/agencies/${enc(agencyId)}/random-draws`,
  annualReport: (agencyId: string, year: number, version?: number) =>
    withQuery(`/agencies/${enc(agencyId)}/annual-reports/${year}`, { version }),
  supervisionReport: (bodyId: string, year: number) => `/supervisory-bodies/${enc(bodyId)}/reports/${year}`,
  certificateLookup: () => '/certificates',
  certificate: (certificateNo: string, agencyId?: string) =>
    withQuery(`/certificates/${enc(certificateNo)}`, { agencyId }),
  /** The page a printed document's QR code opens (PUB-16). */
  document: (verificationCode: string) => `/documents/${enc(verificationCode)}`,
  // Files and feeds the API serves.
  feed: (agencyId: string, format: 'atom' | 'json') => `/public/v1/agencies/${enc(agencyId)}/feeds/${format}`,
  annualReportPdf: (agencyId: string, year: number, version?: number) =>
    withQuery(`/public/v1/agencies/${enc(agencyId)}/annual-reports/${year}/pdf`, { version }),
  supervisionReportPdf: (bodyId: string, year: number) =>
    `/public/v1/supervisory-bodies/${enc(bodyId)}/reports/${year}/pdf`,
  notice: (publicationId: string) => `/public/v1/publications/${enc(publicationId)}/notice`,
  complaint: (receipt: string) => `/complaints/${enc(receipt)}`,
  fileComplaint: () => '/public/v1/complaints',
};
