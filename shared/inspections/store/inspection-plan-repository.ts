import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InspectionPlan } from '#shared/inspections/domain/inspection-plan.ts';
import { StaleWrite } from '#shared/kernel/errors.ts';
import { isLostRace } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { sortKeyStartsWith } from '#shared/kernel/store/query.ts';

const planPrefix = (year: number) => `INSPECTION-PLAN#${year}#V`;
const planKey = (agencyId: string, year: number, version: number) => ({
  pk: agencyPartition(agencyId),
  sk: `${planPrefix(year)}${String(version).padStart(4, '0')}`,
});

/**
 * Agencies' annual inspection plans (INS-2): one item per version of a year's plan, in the
 * agency's partition and in version order, so the latest is one query of one item and any
 * version one keyed read, whatever the history.
 */
export class InspectionPlanRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** The latest version of the agency's plan for the year, draft or filed. */
  async latest(agencyId: string, year: number): Promise<InspectionPlan | undefined> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        ...sortKeyStartsWith(agencyPartition(agencyId), planPrefix(year)),
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items[0] ? fromItem<InspectionPlan>(Items[0]) : undefined;
  }

  async version(agencyId: string, year: number, version: number): Promise<InspectionPlan | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: planKey(agencyId, year, version), ConsistentRead: true }),
    );
    return Item ? fromItem<InspectionPlan>(Item) : undefined;
  }

  /**
   * A new version (`previous` undefined), or the draft `previous` saved or filed: only from the
   * revision read and while it is a draft, so a filed version never changes. A lost race is a
   * StaleWrite.
   */
  async put(plan: InspectionPlan, previous: InspectionPlan | undefined): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...planKey(plan.agencyId, plan.year, plan.version), entity: 'inspection-plan', ...plan },
          ...(previous
            ? {
                ConditionExpression: '#revision = :revision AND #status = :draft',
                ExpressionAttributeNames: { '#revision': 'revision', '#status': 'status' },
                ExpressionAttributeValues: { ':revision': previous.revision, ':draft': 'draft' },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (isLostRace(error)) throw new StaleWrite('检查计划已被他人修改，请刷新后重试');
      throw error;
    }
  }
}
