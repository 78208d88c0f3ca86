import { html } from 'htm/preact';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import { dataTable, empty } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';

export interface DrawView {
  id: string;
  matterCode: string;
  checklistEdition: number;
  algorithm: string;
  seed: string;
  poolSize: number;
  subjects: readonly { id: string; name: string }[];
  officers: readonly { certificateNo: string; name: string }[];
  drawnAt: string;
  drawnByName: string;
}

/** 双随机、一公开 (PUB-15): who was drawn, by whom, when, from which list, with the seed that reproduces it. */
export function randomDrawsPage(input: {
  agencyId: string;
  agencyName: string;
  draws: readonly DrawView[];
}): string {
  const { agencyId } = input;
  return sitePage(
    {
      title: `${input.agencyName} 随机抽查情况`,
      description: `${input.agencyName}“双随机、一公开”抽查的抽取结果：抽中的对象和执法人员、抽取时间和抽取人`,
      crumbs: [{ label: input.agencyName, href: sitePaths.agency(agencyId) }, { label: '随机抽查' }],
    },
    html`<p class="lede">每次抽取使用公布的随机抽查事项清单和可复现的随机种子，抽查结果作为行政检查决定在<a href=${sitePaths.decisions(agencyId, { category: 'inspection' })}>执法决定公示</a>中公布。</p>
      ${
        input.draws.length === 0
          ? empty('暂无随机抽查记录。')
          : dataTable(
              '最近的抽取，最新在前',
              ['抽取时间', '抽查事项', '抽中对象', '执法人员', '抽取人', '复现信息'],
              input.draws.map((draw) => [
                `${beijingTimeText(draw.drawnAt)}`,
                html`${draw.matterCode}<br /><span class="muted">清单第 ${draw.checklistEdition} 版</span>`,
                `${draw.subjects.map((subject) => subject.name).join('、')}（共 ${draw.poolSize} 个对象中抽取）`,
                html`${draw.officers.map((officer, index) => html`${index > 0 ? '、' : ''}<a href=${sitePaths.certificate(officer.certificateNo, agencyId)}>${officer.name}</a>`)}`,
                draw.drawnByName,
                html`<span class="muted">${draw.algorithm}，种子 ${draw.seed}</span>`,
              ]),
            )
      }`,
  );
}
