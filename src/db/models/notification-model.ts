import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, WECOM_STATES, type StaffNotification } from '../../domain/notification';

export type NotificationDoc = Omit<StaffNotification, 'id'> & {
  _id: Types.ObjectId;
  /** The event it tells of (see eventKey): unique with the recipient, so an event is told to each once. */
  eventKey: string;
  wecomError: string | null;
  createdAt: Date;
};

const schema = new Schema<NotificationDoc>(
  {
    recipientId: { type: String, required: true },
    eventKey: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    leadId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
    readAt: { type: Date, default: null },
    wecom: { type: String, enum: WECOM_STATES, required: true },
    wecomError: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'staff_notifications', versionKey: false },
);
schema.index({ eventKey: 1, recipientId: 1 }, { unique: true });
schema.index({ recipientId: 1, at: -1 }); // one's inbox, newest first
schema.index({ recipientId: 1, readAt: 1 }); // the unread count of every console page
schema.index({ wecom: 1, createdAt: 1 }); // WeCom copies the sweep sends again

export function notificationModel(conn: Connection): Model<NotificationDoc> {
  return (conn.models.StaffNotification as Model<NotificationDoc> | undefined) ?? conn.model<NotificationDoc>('StaffNotification', schema);
}
