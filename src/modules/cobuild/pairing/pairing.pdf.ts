import { localDayOf } from '../../../core/calendar.js';
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { A4_PAGE, cjkFont, documentInfo, type FontSource, pageFooter, renderPdf } from '../../../core/pdf.js';
import type { Committee } from './pairing.contracts.js';
import { clock } from '../../../core/clock.js';

/** The printable roster of a community's 大党委 (社区大党委成员名单), rendered by core/pdf.ts. */
const ROLE_ZH: Record<Committee['members'][number]['role'], string> = {
  head: '书记',
  deputy: '兼职副书记',
  member: '委员',
};

function rosterDocument(c: Committee, now: Date): TDocumentDefinitions {
  const title = `${c.communityName}大党委成员名单（${c.year} 年）`;
  const header: TableCell[] = ['序号', '职务', '姓名', '所在单位', '单位职务'].map((text) => ({
    text,
    bold: true,
    fillColor: '#eeeeee',
  }));
  const rows: TableCell[][] = c.members.map((m, i) => [
    String(i + 1),
    ROLE_ZH[m.role],
    m.name,
    m.unitName ?? c.communityName,
    m.title ?? '',
  ]);
  return {
    ...A4_PAGE,
    info: documentInfo(title, '社区大党委成员名单'),
    defaultStyle: { fontSize: 10.5, lineHeight: 1.2 },
    content: [
      { text: title, fontSize: 17, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        text: `书记由社区党组织书记担任，兼职副书记由结对共建单位党组织负责人担任。共 ${c.members.length} 人。`,
        alignment: 'center',
        color: '#555555',
        margin: [0, 0, 0, 12],
      },
      {
        table: { headerRows: 1, widths: [30, 60, 60, '*', 120], body: [header, ...rows] },
        layout: 'lightHorizontalLines',
      },
    ],
    footer: pageFooter(`生成于 ${localDayOf(now)}`),
  };
}

export async function renderCommitteeRoster(
  c: Committee,
  opts: { now?: Date; font?: FontSource } = {},
): Promise<Buffer> {
  return renderPdf(rosterDocument(c, opts.now ?? clock.now()), cjkFont(opts.font));
}
