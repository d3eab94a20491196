import { describe, expect, it } from 'vitest';
import { campaignFieldError, readCampaignTerms } from './campaign-terms';

const draft = { price: '39.00', leaderPrice: '', minutes: 1440, limit: '' };

describe('readCampaignTerms', () => {
  it('reads prices in minor units, and leaves out what was left blank', () => {
    expect(readCampaignTerms(draft, 2)).toEqual({
      terms: {
        price: 3900,
        leaderPrice: null,
        durationMinutes: 1440,
        perUserLimit: null,
        freeShipping: true,
      },
    });
    // A campaign ships free unless the operator unticks it.
    expect(readCampaignTerms({ ...draft, freeShipping: false }, 2)).toMatchObject({
      terms: { freeShipping: false },
    });
    expect(readCampaignTerms({ ...draft, leaderPrice: '35', limit: '2' }, 2)).toMatchObject({
      terms: { leaderPrice: 3500, perUserLimit: 2 },
    });
  });

  it('names what is missing: a price that is not a number, then the duration', () => {
    expect(readCampaignTerms({ ...draft, price: 'abc' }, 2)).toEqual({ missing: 'price' });
    expect(readCampaignTerms({ ...draft, leaderPrice: 'x' }, 2)).toEqual({ missing: 'price' });
    expect(readCampaignTerms({ ...draft, minutes: null }, 2)).toEqual({ missing: 'duration' });
  });
});

describe('campaignFieldError', () => {
  const terms = { groupSize: 3, price: 3900, leaderPrice: null, durationMinutes: 60, perUserLimit: null };
  it('refuses a group price above the regular one and a leader price above the group one', () => {
    expect(campaignFieldError({ ...terms, regularPrice: 4500 })).toBeNull();
    expect(campaignFieldError({ ...terms, regularPrice: 3000 })?.rule).toBe('notAboveRegularPrice');
    expect(campaignFieldError({ ...terms, leaderPrice: 4000, regularPrice: null })?.rule).toBe(
      'notAboveGroupPrice',
    );
    expect(campaignFieldError({ ...terms, groupSize: 1, regularPrice: null })?.path).toBe('/groupSize');
  });
});
