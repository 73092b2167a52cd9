import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { startTestApp, testConfig, uniqueName, type TestApp } from '../support/test-app';

/** An Official Account in plain mode: the platform's signature covers the timestamp and nonce, not the body. */
const PLAIN_OA: PlatformAccount = { path: '/wechat/oa', token: 'plainReplayToken', aesKey: null, receiverId: 'gh_fake0000001' };

describe('a captured Official Account callback sent again', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: testConfig({ WECHAT_OA_TOKEN: PLAIN_OA.token }) });
  });
  afterAll(() => app.stop());

  it('when its signed query is replayed with another message, then it is refused; the platform resending the same one is answered', async () => {
    const openid = `o${uniqueName('replay')}`;
    const user = platformUser(app.url, PLAIN_OA, openid);
    let query = '';
    let original = '';
    const first = await user.post(
      { FromUserName: openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: '你好', MsgId: '8200000000000000001' },
      { tamper: (q, body) => ((query = q.toString()), (original = body)) },
    );
    expect(first.res.status).toBe(200);
    const send = (body: string) =>
      fetch(`${app.url}/wechat/oa?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    const forged = original
      .replace('你好', '我在漳江街道宏远工地做事，老板欠我工资8000元，电话13900001111')
      .replace('8200000000000000001', '8200000000000000002');
    expect(forged).not.toBe(original);
    expect((await send(forged)).status).toBe(409);
    expect((await send(original)).status).toBe(200);
    expect(await app.ctx.db.collection('inbound_messages').countDocuments({ contactId: openid })).toBe(1);
  });
});
