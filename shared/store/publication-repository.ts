import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Publication } from '#shared/domain/publication.ts';
import type { ChildWrite } from '#shared/store/case-repository.ts';

type Item = Record<string, unknown>;

/** Publications of decisions, by agency, in order of due date (undated ones last). */
export class PublicationRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  put(publication: Publication): ChildWrite {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          pk: `AGENCY#${publication.agencyId}`,
          sk: `PUBLICATION#${publication.id}`,
          gsi1pk: `PUBLICATIONS#${publication.agencyId}`,
          gsi1sk: `${publication.dueBy ?? '9999-12-31'}#${publication.id}`,
          entity: 'publication',
          ...publication,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async list(agencyId: string): Promise<Publication[]> {
    const items: Publication[] = [];
    let cursor: Item | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.#db.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `PUBLICATIONS#${agencyId}` },
          ExclusiveStartKey: cursor,
        }),
      );
      items.push(
        ...Items.map(
          ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, entity: _e, ...publication }) =>
            publication as Publication,
        ),
      );
      cursor = LastEvaluatedKey;
    } while (cursor);
    return items;
  }
}
