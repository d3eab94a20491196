/** The payments module's one entry: what other modules and the composition root may use. */
export { createAttention, registerAttentionGauge } from './attention.js';
export { createPaymentNotices } from './notices.js';
export type { PaymentOrders } from './ports.js';
export type { PaymentEvent } from './provider.js';
export type { RefundRow } from './queries.js';
export { paymentReasons } from './reasons.js';
export { paymentRoutes } from './routes.js';
export type { SandboxProvider } from './sandbox.js';
export { createSandboxProvider } from './sandbox.js';
export { DisputeSchema, OrderPaymentSchema, PaymentSummarySchema } from './schemas.js';
export type { Dispute, Payment, PaymentsService } from './service.js';
export { createPaymentsService } from './service.js';
export type { StripeProviderOptions } from './stripe.js';
export { createStripeProvider } from './stripe.js';
