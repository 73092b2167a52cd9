/** A small curated FAQ for consultations, each answer with its source. */
export interface FaqEntry {
  /** Stable id, recorded with a consultation's disposition. */
  id: string;
  pattern: RegExp;
  answer: string;
  source: string;
}

export const FAQ: readonly FaqEntry[] = [
  {
    id: 'arbitration',
    pattern: /仲裁/,
    answer:
      '劳动争议可向用人单位所在地或劳动合同履行地的劳动人事争议仲裁委员会申请仲裁，仲裁不收费；申请时效一般为一年，拖欠劳动报酬的争议在劳动关系存续期间不受此限。需准备申请书、身份证明、劳动关系和欠薪的证据（欠条、考勤、工资条、聊天记录等）。',
    source: '《中华人民共和国劳动争议调解仲裁法》第二十一条、第二十七条、第五十三条',
  },
  {
    id: 'where_to_complain',
    pattern: /12345|12333|打哪个|怎么投诉|去哪里投诉|哪里投诉|怎样投诉|如何投诉/,
    answer:
      '欠薪可以直接在本微信反映，也可拨打12345政务服务热线或12333人社服务热线，或登录“全国根治欠薪线索反映平台”小程序；我们都会登记、核实并限期处理。',
    source: '《保障农民工工资支付条例》第四十七条、第四十八条',
  },
  {
    id: 'subcontracting',
    pattern: /包工头|分包|总包|施工总承包|挂靠/,
    answer:
      '工程建设领域，施工总承包单位对所承包工程的农民工工资支付负总责；分包单位拖欠的，由总包单位先行清偿，再依法追偿。违法发包、转包或挂靠导致拖欠的，由发包或转包单位清偿。',
    source: '《保障农民工工资支付条例》第二十八条至第三十条',
  },
  {
    id: 'pay_schedule',
    pattern: /按月|多久发|什么时候发|发工资的时间|结算/,
    answer:
      '用人单位应当按照与农民工书面约定或者依法制定的规章制度规定的工资支付周期和具体支付日期足额支付工资，实行月、周、日、小时工资制的按约定周期支付；终止或解除劳动关系时应一次性付清。',
    source: '《保障农民工工资支付条例》第十一条、第十二条、第十四条',
  },
];

export const FAQ_FALLBACK = {
  id: 'how_to_report',
  answer: '如遇工资被拖欠，请直接告诉我们：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、您的联系电话，我们会登记并安排核实处理。',
  source: '《保障农民工工资支付条例》',
};

export const OTHER_MATTERS =
  '您反映的是社保、合同、工伤或解除劳动关系等其他劳动权益问题，请携带相关材料到县人力资源和社会保障局窗口咨询，或拨打12333人社服务热线；如同时存在拖欠工资，请告诉我们具体情况。';

export const PROMPT_FOR_COMPLAINT =
  '您好，这里是根治欠薪服务。如工资被拖欠，请直接发送文字说明情况（欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话）。';

/** The entry a consultation is answered with (the general one when none matches). */
export function faqEntryFor(text: string): { id: string; answer: string; source: string } {
  return FAQ.find((f) => f.pattern.test(text)) ?? FAQ_FALLBACK;
}

export function faqAnswer(text: string): string {
  const hit = faqEntryFor(text);
  return `${hit.answer}\n（依据：${hit.source}）`;
}
