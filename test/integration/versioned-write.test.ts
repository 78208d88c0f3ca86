import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { putVersioned, versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';
import { newAgencyId } from '#test/helpers/api.ts';

const table = process.env.MAIN_TABLE ?? '';

const itemOf = (id: string, version: number) => ({
  pk: `VERSIONED#${id}`,
  sk: 'ITEM',
  version,
  note: `v${version}`,
});

async function stored(id: string) {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: table, Key: { pk: `VERSIONED#${id}`, sk: 'ITEM' }, ConsistentRead: true }),
  );
  return Item;
}

describe('versioned aggregates on DynamoDB Local', () => {
  it('writes a new item once; a second "new" write of the same key is a StaleWrite and changes nothing', async () => {
    const id = newAgencyId();
    await putVersioned(documentClient, table, itemOf(id, 1), undefined, '已存在');
    await expect(putVersioned(documentClient, table, itemOf(id, 7), undefined, '已存在')).rejects.toThrow(
      StaleWrite,
    );
    expect((await stored(id))?.version).toBe(1);
  });

  it('writes over the version read, and refuses a writer who read an older one', async () => {
    const id = newAgencyId();
    await putVersioned(documentClient, table, itemOf(id, 1), undefined, 'stale');
    await putVersioned(documentClient, table, itemOf(id, 2), 1, 'stale');
    const late = putVersioned(documentClient, table, itemOf(id, 2), 1, '已被他人修改');
    await expect(late).rejects.toThrow('已被他人修改');
    expect(await stored(id)).toMatchObject({ version: 2, note: 'v2' });
  });

  it('writes a transaction whole, or nothing of it when one item moved', async () => {
    const [a, b] = [newAgencyId(), newAgencyId()];
    await writeAll(
      documentClient,
      [versionedPut(table, itemOf(a, 1), undefined), versionedPut(table, itemOf(b, 1), undefined)],
      'stale',
    );
    await putVersioned(documentClient, table, itemOf(b, 2), 1, 'stale');
    const error = await writeAll(
      documentClient,
      [versionedPut(table, itemOf(a, 2), 1), versionedPut(table, itemOf(b, 2), 1)],
      '已被他人修改',
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StaleWrite);
    expect((error as StaleWrite).kind).toBe('conflict');
    expect((await stored(a))?.version).toBe(1);
  });
});
