import { describe, expect, it } from 'vitest';
import { type CampaignDraft, campaignInput, NEW_CAMPAIGN } from './campaign-draft';

const draft = (over: Partial<CampaignDraft>): CampaignDraft => ({
  ...NEW_CAMPAIGN,
  variantId: 'v1',
  floorPrice: '59',
  ...over,
});
const rules = (over: Partial<CampaignDraft>) =>
  campaignInput(draft(over), 2).errors.map((e) => `${e.path} ${e.rule}`);

describe('campaign draft', () => {
  it('becomes the API body in minor units, leaving out the cut bounds not given', () => {
    expect(campaignInput(draft({}), 2)).toEqual({
      input: { variantId: 'v1', floorPrice: 5900, helpersNeeded: 3, durationMinutes: 1440 },
      errors: [],
    });
    expect(campaignInput(draft({ minCut: '1', maxCut: '20.5' }), 2).input).toMatchObject({
      minCut: 100,
      maxCut: 2050,
    });
  });

  it('words what is missing or out of the API’s bounds by field and rule', () => {
    expect(rules({ variantId: '', floorPrice: '' })).toEqual(['/variantId required', '/floorPrice required']);
    expect(rules({ helpersNeeded: '1' })).toEqual(['/helpersNeeded minimum']);
    expect(rules({ helpersNeeded: '51' })).toEqual(['/helpersNeeded maximum']);
    expect(rules({ helpersNeeded: '2.5' })).toEqual(['/helpersNeeded type']);
    expect(rules({ durationMinutes: null })).toEqual(['/durationMinutes required']);
    expect(rules({ durationMinutes: 4 })).toEqual(['/durationMinutes minimum']);
    expect(rules({ minCut: '0' })).toEqual(['/minCut exclusiveMinimum']);
    expect(rules({ minCut: '5', maxCut: '4' })).toEqual(['/maxCut atLeastMinCut']);
  });
});
