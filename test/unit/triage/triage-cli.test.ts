import { triageLine } from '../../../src/cli/triage';

describe('triage command lines', () => {
  it('when a line is valid, then it gets the id and every field', () => {
    const out = triageLine(JSON.stringify({ id: 'x1', channel: 'wechat', text: '老板欠我工资三千' }));
    expect(out).toMatchObject({ id: 'x1', category: 'wage_arrears', amount_yuan: 3000, urgency: 'normal' });
  });

  it('when a line is not JSON, then it gets an error with a null id', () => {
    expect(triageLine('{not json')).toEqual({ id: null, error: expect.any(String) });
  });

  it('when a line is blank, then it gets an error so the counts stay aligned', () => {
    expect(triageLine('   ')).toEqual({ id: null, error: expect.any(String) });
  });

  it('when text or channel is missing or invalid, then the error keeps the id', () => {
    expect(triageLine(JSON.stringify({ id: 'x2', channel: 'wechat' }))).toEqual({ id: 'x2', error: expect.any(String) });
    expect(triageLine(JSON.stringify({ id: 'x3', channel: 'fax', text: '欠薪' }))).toEqual({ id: 'x3', error: expect.any(String) });
  });
});
