import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatLocalIso } from '../../../core/calendar.js';
import { A4_PAGE, cjkFont, documentInfo, pageFooter, renderPdf } from '../../../core/pdf.js';
import type { VolunteerCertificateView } from './hours.contracts.js';

/**
 * The printed 志愿服务证明 (A4) and the generated service content. The texts are the certificate's printed Chinese,
 * as on the other printed records. Blocks: title; the volunteer (name, gender, masked ID number); hours and
 * activities over the period; the service content; the issuer, serial number, date of issue and the 公示 period;
 * the "谁记录谁证明" note. No internal id is printed.
 */

const GENDER_TEXT = { male: '男', female: '女' } as const;
const day = (iso: string) => formatLocalIso(new Date(iso)).slice(0, 10);
const dayOf = (isoDay: string) => isoDay.replaceAll('-', '.');

/** "参加街巷巡逻、政策宣讲等志愿服务 12 次": the most frequent service types (up to three) and the count. */
export function generatedContent(typeNames: readonly string[], activities: number): string {
  const named = typeNames.slice(0, 3).join('、');
  return named ? `参加${named}等志愿服务 ${activities} 次` : `参加志愿服务 ${activities} 次`;
}

function row(label: string, value: string): TableCell[] {
  return [
    { text: label, color: '#555555', margin: [0, 4] },
    { text: value, bold: true, margin: [0, 4] },
  ];
}

export function certificateDocument(c: VolunteerCertificateView): TDocumentDefinitions {
  return {
    ...A4_PAGE,
    info: documentInfo(`志愿服务证明 ${c.serial}`, '志愿服务证明'),
    footer: pageFooter(`证明编号 ${c.serial}`),
    content: [
      { text: '志愿服务证明', fontSize: 24, bold: true, alignment: 'center', margin: [0, 24, 0, 8] },
      { text: `编号：${c.serial}`, alignment: 'center', color: '#555555', margin: [0, 0, 0, 24] },
      {
        table: {
          widths: [110, '*'],
          body: [
            row('姓名', c.volunteerName),
            row('性别', c.gender ? GENDER_TEXT[c.gender] : '—'),
            row('身份证号', c.idNumber ?? '—'),
            row('服务期间', `${dayOf(c.periodFrom)} 至 ${dayOf(c.periodTo)}`),
            row('服务时长', `${c.hours} 小时`),
            row('服务次数', `${c.activities} 次`),
            row('服务内容', c.content),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 12,
      },
      {
        text: `兹证明 ${c.volunteerName} 同志于上述期间参加志愿服务，经服务记录核实，累计服务时长 ${c.hours} 小时。`,
        fontSize: 12,
        margin: [0, 24, 0, 0],
        lineHeight: 1.5,
      },
      {
        text: `公示期：${day(c.issuedAt)} 至 ${day(c.publicUntil)}`,
        fontSize: 11,
        margin: [0, 16, 0, 0],
      },
      {
        stack: [
          { text: `出具单位：${c.issuerName}（盖章）`, fontSize: 12 },
          { text: `出具日期：${day(c.issuedAt)}`, fontSize: 12, margin: [0, 6, 0, 0] },
        ],
        alignment: 'right',
        margin: [0, 48, 0, 0],
      },
      {
        text: '说明：本证明依据志愿服务活动的签到、签退记录出具，遵循“谁记录谁证明”的原则，由记录单位对真实性负责。',
        fontSize: 9,
        color: '#666666',
        margin: [0, 48, 0, 0],
      },
    ],
  };
}

export function renderCertificatePdf(c: VolunteerCertificateView): Promise<Buffer> {
  return renderPdf(certificateDocument(c), cjkFont());
}
