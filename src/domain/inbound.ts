/** A message pushed to us by the WeChat Official Account or WeCom platform. */
export type PlatformChannel = 'wechat_oa' | 'wecom';

export interface InboundMessage {
  id: string;
  channel: PlatformChannel;
  /** The platform's MsgId, or for events the sender and CreateTime. */
  key: string;
  /** The sender's OpenID (Official Account) or UserID (WeCom). */
  contactId: string;
  msgType: string;
  text: string;
  mediaId: string | null;
  event: string | null;
  at: Date;
  state: 'received' | 'handled';
  /** The intake conversation's answers, sent passively or through the customer-service API. */
  replies: string[];
  repliesSent: number;
  handledAt: Date | null;
  createdAt: Date;
}

export type NewInboundMessage = Pick<InboundMessage, 'channel' | 'key' | 'contactId' | 'msgType' | 'text' | 'mediaId' | 'event' | 'at'>;
