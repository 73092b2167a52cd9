import { ConfigError, loadConfig } from '../../src/config';
import { campaignDays, campaignPeriod, springFestival } from '../../src/domain/report-campaign';
import { aboutCount } from '../../src/services/annual-report';

describe('the annual report’s campaign and counts', () => {
  it('when no days are configured, then the campaign runs from 30 days before the Spring Festival to 正月十五, within the year', () => {
    expect(springFestival(2022)).toBe('2022-02-01');
    expect(springFestival(2023)).toBe('2023-01-22');
    expect(springFestival(2026)).toBe('2026-02-17');
    const none = { name: '春节期间', from: null, to: null };
    expect(campaignDays(2022, none)).toEqual({ first: '2022-01-02', last: '2022-02-15' });
    // 2023's festival came early: the window starts on 1 January, not in the year before.
    expect(campaignDays(2023, none)).toEqual({ first: '2023-01-01', last: '2023-02-05' });
  });

  it('when days are configured, then they are the campaign in China time, the last day included', () => {
    const days = campaignDays(2022, { name: '冬季攻坚', from: '01-10', to: '02-28' });
    expect(days).toEqual({ first: '2022-01-10', last: '2022-02-28' });
    expect(campaignPeriod(days)).toEqual({ from: new Date('2022-01-09T16:00:00Z'), to: new Date('2022-02-28T16:00:00Z') });
  });

  it('when a count is large, then the report writes the hundred below with 余; small and round counts are exact', () => {
    expect(aboutCount(1342)).toBe('1300余');
    expect(aboutCount(1399)).toBe('1300余');
    expect(aboutCount(1300)).toBe('1300');
    expect(aboutCount(131)).toBe('100余');
    expect(aboutCount(99)).toBe('99');
    expect(aboutCount(0)).toBe('0');
  });

  it('when the campaign’s days are half set, reversed or not a day of every year, then the configuration names the variable', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return null;
      } catch (err) {
        return err instanceof ConfigError ? err.variable : String(err);
      }
    };
    expect(bad({ CAMPAIGN_FROM: '01-10' })).toBe('CAMPAIGN_FROM');
    expect(bad({ CAMPAIGN_FROM: '03-01', CAMPAIGN_TO: '02-01' })).toBe('CAMPAIGN_TO');
    expect(bad({ CAMPAIGN_FROM: '02-29', CAMPAIGN_TO: '03-01' })).toBe('CAMPAIGN_FROM');
    expect(bad({ CAMPAIGN_FROM: '1-10', CAMPAIGN_TO: '02-01' })).toBe('CAMPAIGN_FROM');
    expect(loadConfig({ CAMPAIGN_FROM: '01-10', CAMPAIGN_TO: '02-28' }).campaign).toEqual({ name: '春节期间', from: '01-10', to: '02-28' });
  });
});
