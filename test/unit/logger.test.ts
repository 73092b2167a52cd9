import { createLogger, maskPii } from '../../src/infra/logger';
import { captureLog } from '../support/capture-log';

describe('logs keep personal data out', () => {
  it('when a string holds a mobile, landline or ID number, then only a masked form remains', () => {
    const s = maskPii(
      '电话13900001234，座机0736-7221234，身份证43072519900101123X，又说 139 0000 5678，+86 139-0000-6789，１３９００００７８９０，一三九，零零零零，八九零一',
    );
    expect(s).not.toMatch(/13900001234|7221234|43072519900101123X|0000 5678|0000-6789|７８９０|八九零一/);
    expect(s).toContain('电话139****1234');
  });

  it('when a log line carries complaint text, a phone field or a number inside its message, then the written line has none of them', () => {
    const { lines, sink } = captureLog();
    const log = createLogger('info', {}, sink);
    log.info(
      { text: '老板欠薪八千', phone: '13900001234', sender: { phone: '13900001234' }, note: 'ring 0736-7221234' },
      'call from 13900001234',
    );
    const written = lines.join('');
    expect(written).toContain('[redacted]');
    expect(written).not.toMatch(/13900001234|欠薪八千|7221234/);
  });

  it('when an error carries a number in its message, then the logged error has it masked', () => {
    const { lines, sink } = captureLog();
    createLogger('info', {}, sink).error({ err: new Error('dup key: { phone: "13900001234" }') }, 'insert failed');
    expect(lines.join('')).not.toContain('13900001234');
    expect(lines.join('')).toContain('dup key');
  });

  it('when a request and its response are logged, then only method, masked path and status are written, never headers or the socket', () => {
    const { lines, sink } = captureLog();
    const socket = { remoteAddress: '10.0.0.7', note: 'caller 13900001234' };
    const req = {
      method: 'GET',
      url: '/api/complainants/13900001234/cases?token=abc',
      headers: { authorization: 'Bearer staff-token-not-secret', 'x-signature': 'sig-value' },
      socket,
    };
    const res = { statusCode: 404, socket, req };
    createLogger('info', {}, sink).info({ req, res, responseTime: 3 }, 'request completed');
    const line = JSON.parse(lines.join('')) as Record<string, unknown>;
    expect(line.req).toEqual({ method: 'GET', url: '/api/complainants/139****1234/cases' });
    expect(line.res).toEqual({ statusCode: 404 });
    expect(line.responseTime).toBe(3);
    expect(lines.join('')).not.toMatch(/13900001234|staff-token|sig-value|10\.0\.0\.7|token=abc/);
  });
});
