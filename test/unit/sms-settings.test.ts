import { ConfigError, loadConfig } from '../../src/config';
import { caseNotice, smsText } from '../../src/domain/outbound';
import { isMobilePhone } from '../../src/domain/phone';

describe('text messages (SMS)', () => {
  it('when no gateway is set, then SMS is off', () => {
    expect(loadConfig({}).sms).toBeNull();
  });

  it('when the gateway is set, then its settings are read with their defaults', () => {
    const c = loadConfig({
      SMS_GATEWAY_URL: 'https://sms-adapter.example.gov.cn/send',
      SMS_SIGN_NAME: '桃源县人社局',
      SMS_TEMPLATE_CASE_NOTICE: 'SMS_900001',
    });
    expect(c.sms).toEqual({
      url: 'https://sms-adapter.example.gov.cn/send',
      apiKey: null,
      signName: '桃源县人社局',
      templates: { case_notice: 'SMS_900001' },
      timeoutMs: 10_000,
      attempts: 6,
    });
  });

  it.each([
    ['SMS_GATEWAY_URL', { SMS_GATEWAY_URL: 'sms-adapter:8080' }],
    ['SMS_API_KEY', { SMS_GATEWAY_URL: 'http://127.0.0.1:8080/send', SMS_API_KEY: 'short' }],
    ['SMS_ATTEMPTS', { SMS_GATEWAY_URL: 'http://127.0.0.1:8080/send', SMS_ATTEMPTS: '0' }],
  ])('when %s is wrong, then the error names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('when a notice goes as a text, then it does not invite a reply nobody reads', () => {
    expect(smsText(caseNotice('accepted', 'WA20261128-0001'))).toBe(
      '您反映的欠薪问题已登记，案件编号 WA20261128-0001。我们会尽快核实处理。',
    );
    expect(smsText(caseNotice('status', 'WA20261128-0001', 'assigned'))).toBe('您的案件 WA20261128-0001 已受理并指派监察员。');
    expect(smsText('已联系老板，本周五前结清。')).toBe('已联系老板，本周五前结清。');
  });

  it('when a number is a landline or missing, then no text can reach it', () => {
    expect(isMobilePhone('13900008801')).toBe(true);
    expect(isMobilePhone('07367221234')).toBe(false);
    expect(isMobilePhone(null)).toBe(false);
  });
});
