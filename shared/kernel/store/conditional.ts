/** DynamoDB's answer when a condition expression (uniqueness, version) fails, alone or in a transaction. */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/**
 * A write that lost a race and may succeed when tried again: a failed condition, or a transaction
 * DynamoDB cancelled because another one touched the same item (TransactionConflict, which
 * DynamoDB Local never returns, so it is pinned by a fault-injection test).
 */
export function isLostRace(error: unknown): boolean {
  return isConditionFailure(error) || isTransactionConflict(error);
}

/** A transaction DynamoDB cancelled only because another touched the same item: nothing was written. */
export function isTransactionConflict(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TransactionConflictException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((reason) => reason.Code === 'TransactionConflict');
  }
  return false;
}
