// The operator's group-buy page, loaded only inside the admin console.

export { useVariantChoices } from './api/variant-choices';
export { AdminCampaignPage } from './pages/admin-campaign-page';
export { AdminGroupBuysPage } from './pages/admin-group-buys-page';
