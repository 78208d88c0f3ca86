import { StaleWrite } from '#shared/errors.ts';
import type { Page } from '#shared/store/pagination.ts';
import type { Port } from '#shared/store/port.ts';
import type { Complaint } from '#shared/supervision/domain/complaint.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { byteOrder, copy, pageOf } from '#test/fakes/memory.ts';

/** The supervision system's stores in memory (SUP-1): the contract of test/contracts/complaint-repository.ts. */
export class InMemoryComplaints implements Port<ComplaintRepository> {
  readonly #complaints = new Map<string, Complaint>();
  readonly #receipts = new Map<string, string>();
  readonly #addresses = new Map<string, number>();

  async create(complaint: Complaint, receipt: string): Promise<void> {
    const key = `${complaint.agencyId}#${complaint.complaintId}`;
    if (this.#complaints.has(key) || this.#receipts.has(receipt)) throw new StaleWrite('投诉已存在');
    this.#complaints.set(key, copy(complaint));
    this.#receipts.set(receipt, key);
  }

  async get(agencyId: string, complaintId: string): Promise<Complaint | undefined> {
    const complaint = this.#complaints.get(`${agencyId}#${complaintId}`);
    return complaint ? copy(complaint) : undefined;
  }

  async byReceipt(receipt: string): Promise<Complaint | undefined> {
    const key = this.#receipts.get(receipt);
    const complaint = key ? this.#complaints.get(key) : undefined;
    return complaint ? copy(complaint) : undefined;
  }

  async update(complaint: Complaint, previousVersion: number): Promise<void> {
    const key = `${complaint.agencyId}#${complaint.complaintId}`;
    if (this.#complaints.get(key)?.version !== previousVersion)
      throw new StaleWrite('投诉已被他人处理，请刷新后重试');
    this.#complaints.set(key, copy(complaint));
  }

  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Complaint>> {
    const mine = [...this.#complaints.values()]
      .filter((complaint) => complaint.agencyId === agencyId)
      .sort((a, b) => byteOrder(b.complaintId, a.complaintId));
    return pageOf(mine, limit, cursor);
  }

  async unansweredBefore(agencyId: string, date: string): Promise<Complaint[]> {
    return [...this.#complaints.values()]
      .filter((c) => c.agencyId === agencyId && c.status === 'received' && c.answerBy < date)
      .sort((a, b) => byteOrder(`${a.answerBy}#${a.complaintId}`, `${b.answerBy}#${b.complaintId}`))
      .map(copy);
  }

  async countFromAddress(address: string, date: string, limit: number): Promise<boolean> {
    const key = `${address}#${date}`;
    const filed = this.#addresses.get(key) ?? 0;
    if (filed >= limit) return false;
    this.#addresses.set(key, filed + 1);
    return true;
  }
}
