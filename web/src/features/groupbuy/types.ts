import type { BodyOf, ResponseOf } from '../../lib/api';

/** Group buying as the API shows it: derived from the generated API types, never copied. */
export type Campaign = ResponseOf<'/api/admin/group-buys/{id}/close', 'post'>;
export type PublicCampaign = ResponseOf<'/api/group-buys/campaigns/{id}', 'get'>;
export type GroupSummary = PublicCampaign['openGroups'][number];
export type AdminCampaign = ResponseOf<'/api/admin/group-buys', 'get'>['items'][number];
export type Group = ResponseOf<'/api/group-buys/{groupId}', 'get'>;
export type GroupStatus = Group['status'];
/** Another person as the group page shows them: a masked name and an initial, never an id. */
export type Person = Group['leader'];
export type ProductRef = Group['product'];
export type MyGroupBuy = ResponseOf<'/api/me/group-buys', 'get'>['items'][number];
export type OrderGroupStatus = MyGroupBuy['status'];
export type NewCampaign = BodyOf<'/api/admin/group-buys', 'post'>;
export type CampaignPatch = BodyOf<'/api/admin/group-buys/{id}', 'patch'>;
export type AdminGroup = ResponseOf<'/api/admin/group-buys/{id}/groups', 'get'>['items'][number];
