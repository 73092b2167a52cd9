import { PuppetMock, mock } from 'wechaty-puppet-mock';

/**
 * The embedded WeChat of `npm start` and the tests: the real Wechaty on wechaty-puppet-mock, with a
 * mocker that logs the bot in, so workers' messages can be simulated without a WeChat account.
 */
export function createEmbeddedMockPuppet(botName = '桃源县根治欠薪服务') {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({ name: botName });
  return {
    puppet,
    mocker,
    botUser,
    /** Call after the bot started: the mock account scans in and logs in. */
    login: () => mocker.login(botUser),
  };
}
