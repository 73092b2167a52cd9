/** What the conversation says to messages that are not a complaint; consultations are answered from the FAQ (src/services/faq). */
export const OTHER_MATTERS =
  '您反映的是社保、合同、工伤或解除劳动关系等其他劳动权益问题，请携带相关材料到县人力资源和社会保障局窗口咨询，或拨打12333人社服务热线；如同时存在拖欠工资，请告诉我们具体情况。';

export const PROMPT_FOR_COMPLAINT =
  '您好，这里是根治欠薪服务。如工资被拖欠，请直接发送文字说明情况（欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话）。';
