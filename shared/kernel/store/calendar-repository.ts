import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { YearCalendar } from '#shared/kernel/calendar.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { versionCondition } from '#shared/kernel/store/versioned.ts';

/** Holiday calendars loaded by administrators; one item per year, shared by every agency. */
export class CalendarRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async get(year: number): Promise<YearCalendar | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: 'CALENDAR', sk: `YEAR#${year}` },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<YearCalendar>(Item) : undefined;
  }

  /** Stores a new version of a year, if nobody stored another since `previousVersion`. */
  async put(calendar: YearCalendar, previousVersion: number | undefined): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: { pk: 'CALENDAR', sk: `YEAR#${calendar.year}`, entity: 'calendar', ...calendar },
          ...versionCondition(previousVersion),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('该年度日历刚被他人修改，请刷新后重试');
      throw error;
    }
  }
}
