import type { BodyOf, ResponseOf } from '../../lib/api';

/** Bargains as the API shows them: derived from the generated API types, never copied. */
export type Bargain = ResponseOf<'/api/bargains/{id}', 'get'>;
export type BargainStatus = Bargain['status'];
export type BargainHelp = Bargain['helps'][number];
export type Campaign = ResponseOf<'/api/bargain-campaigns', 'get'>['items'][number];
export type AdminCampaign = ResponseOf<'/api/admin/bargains', 'get'>['items'][number];
export type NewCampaign = BodyOf<'/api/admin/bargains', 'post'>;
export type FlaggedHelp = ResponseOf<'/api/admin/bargain-helps/flagged', 'get'>['items'][number];
export type HelperSignal = FlaggedHelp['signals'][number];
