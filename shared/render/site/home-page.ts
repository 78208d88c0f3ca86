import { html } from 'htm/preact';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { dataTable, empty, pager } from '#shared/render/site/components.ts';
import { SITE_NAME, sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

/** The platform's home: every agency, a search by name, and certificate verification. */
export function homePage(input: {
  agencies: readonly Pick<AgencyProfile, 'agencyId' | 'name' | 'region' | 'level'>[];
  q?: string | undefined;
  cursor?: string | undefined;
  nextCursor?: string | undefined;
}): string {
  const { q } = input;
  return sitePage(
    {
      title: SITE_NAME,
      description: '行政执法机关的执法事项、执法人员、执法决定、随机抽查和年度数据的公示，以及执法证核验',
    },
    html`<p class="lede">在这里查看各行政执法机关公布的清单、执法人员和执法决定，核验执法证件。</p>
      <form class="search" method="get" action="/" role="search">
        <div><label for="q">查找执法机关</label><input id="q" name="q" value=${q ?? ''} placeholder="机关名称中的字词" maxlength="50" /></div>
        <div><button type="submit">搜索</button></div>
      </form>
      <p><a href=${sitePaths.certificateLookup()}>按证号核验执法证</a></p>
      <h2>执法机关</h2>
      ${
        input.agencies.length === 0
          ? empty(
              q
                ? `没有名称含“${q}”的执法机关${input.nextCursor ? '在本页，可查看下一页' : ''}。`
                : '暂无执法机关。',
            )
          : dataTable(
              '执法机关',
              ['机关名称', '地区', '层级'],
              input.agencies.map((agency) => [
                html`<a href=${sitePaths.agency(agency.agencyId)}>${agency.name}</a>`,
                agency.region,
                agency.level ?? '',
              ]),
            )
      }
      ${pager(
        input.cursor ? sitePaths.home(q ? { q } : {}) : undefined,
        input.nextCursor ? sitePaths.home({ ...(q ? { q } : {}), cursor: input.nextCursor }) : undefined,
      )}`,
  );
}
