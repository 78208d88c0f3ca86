import { Forbidden } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Reviewer, ReviewerInput } from '#shared/legal-review/domain/reviewer.ts';
import type { ReviewPorts } from '#shared/legal-review/use-cases/review-access.ts';

/**
 * Records a reviewer's legal qualification and training (REV-6). An administrator never records
 * their own: the qualification that lets a person review is attested by someone else (LAW-12).
 */
export async function recordReviewer(
  ports: ReviewPorts,
  principal: Principal,
  userId: string,
  input: ReviewerInput,
): Promise<Reviewer> {
  if (userId === principal.sub) throw new Forbidden('不能登记本人的审核资格（须由其他管理员登记）');
  const reviewer: Reviewer = {
    ...input,
    userId,
    agencyId: principal.agencyId,
    updatedAt: ports.now().toISOString(),
    updatedBy: principal.sub,
  };
  await ports.reviews.putReviewer(reviewer);
  return reviewer;
}
