import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import apiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { API_TAGS } from './api-tags.js';
import type { Config } from './config.js';
import { academyRoutes, createAcademyService } from './modules/academy/index.js';
import {
  accountsRoutes,
  argon2idHasher,
  createAccountsService,
  LOGIN_LIMIT,
  type PasswordHasher,
} from './modules/accounts/index.js';
import { addressesRoutes, createAddressesService } from './modules/addresses/index.js';
import { afterSalesRoutes, createAfterSalesService } from './modules/aftersales/index.js';
import {
  analyticsRoutes,
  createAnalyticsService,
  type MetricSources,
  registerBusinessMetrics,
} from './modules/analytics/index.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { bargainRoutes, createBargainCheckout, createBargainService } from './modules/bargains/index.js';
import {
  catalogIoRoutes,
  catalogRoutes,
  createCatalogService,
  createImportService,
} from './modules/catalog/index.js';
import { checkinsRoutes, createCheckinsService } from './modules/checkins/index.js';
import { communitiesRoutes, createCommunitiesModule } from './modules/communities/index.js';
import { competitionsRoutes, createCompetitionsService } from './modules/competitions/index.js';
import type { ShareVisitors } from './modules/coupons/index.js';
import { couponsRoutes, createCouponCheckout, createCouponsService } from './modules/coupons/index.js';
import {
  createDistributionService,
  distributionRoutes,
  fraudReviewRoutes,
} from './modules/distribution/index.js';
import {
  createFlashSaleCheckout,
  createFlashSaleService,
  flashSaleRoutes,
} from './modules/flashsales/index.js';
import { createFulfilmentService, fulfilmentRoutes, shipmentLookup } from './modules/fulfilment/index.js';
import { createGiftOrders, createGiftService, giftRoutes } from './modules/gifts/index.js';
import {
  createGroupBuyCheckout,
  createGroupBuyService,
  groupBuyRoutes,
  registerGroupTarget,
} from './modules/groupbuy/index.js';
import { createHonoursService, honoursRoutes } from './modules/honours/index.js';
import { createInvitationsService, invitationsRoutes } from './modules/invitations/index.js';
import { createLedgerService } from './modules/ledger/index.js';
import {
  commissionMultiplierBps,
  createLevelsService,
  hasFreeShipping,
  levelsRoutes,
  memberPricing,
} from './modules/levels/index.js';
import { createLiveService, createStreamHub, liveRoutes, mayHost } from './modules/live/index.js';
import { createModerationService, moderationRoutes } from './modules/moderation/index.js';
import {
  createMailer,
  createNotificationsService,
  type Mailer,
  notificationsRoutes,
  passwordResetEmail,
} from './modules/notifications/index.js';
import { createOrdersService, ordersRoutes } from './modules/orders/index.js';
import {
  createAttention,
  createPaymentNotices,
  createPaymentsService,
  createSandboxProvider,
  createStripeProvider,
  paymentRoutes,
  registerAttentionGauge,
  type StripeProviderOptions,
} from './modules/payments/index.js';
import { createPeopleService, peopleRoutes } from './modules/people/index.js';
import { createPointsService, pointsRoutes } from './modules/points/index.js';
import { createPointsMallService, pointsMallRoutes } from './modules/points-mall/index.js';
import { createPostsService, postsRoutes, registerPostTarget } from './modules/posts/index.js';
import { createRecommendationsService, recommendationsRoutes } from './modules/recommendations/index.js';
import { createReviewsService, reviewsRoutes } from './modules/reviews/index.js';
import { createShareEarningsService, shareEarningsRoutes } from './modules/share-earnings/index.js';
import {
  cachedRedirect,
  createSharingModule,
  openWebRoutes,
  sharingRoutes,
} from './modules/sharing/index.js';
import { createShippingService, shippingRoutes } from './modules/shipping/index.js';
import { createSimulatorService, simulatorRoutes } from './modules/simulator/index.js';
import { createStoresService, storesRoutes } from './modules/stores/index.js';
import { createStructureService, structureRoutes } from './modules/structure/index.js';
import { systemRoutes } from './modules/system/index.js';
import { createTasksService, tasksRoutes } from './modules/tasks/index.js';
import { createTrustService, type TrustService, trustRoutes } from './modules/trust/index.js';
import {
  createUploadsService,
  localDiskStorage,
  type ObjectStorage,
  s3Storage,
  uploadsRoutes,
} from './modules/uploads/index.js';
import { AdjustableClock, type Clock, minutes } from './platform/clock.js';
import { ContentSources } from './platform/content-sources.js';
import type { Database } from './platform/db.js';
import { replicaForReadRequests } from './platform/db-read.js';
import { AppError } from './platform/errors.js';
import { EventBus } from './platform/events.js';
import { registerAuth } from './platform/http/auth.js';
import { identifierCookie } from './platform/http/cookies.js';
import { registerMetrics } from './platform/http/metrics.js';
import { frameworkErrorAsProblem, registerErrorHandling } from './platform/http/problem.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { trustFunction } from './platform/http/trust-proxy.js';
import { registerValidation } from './platform/http/validation.js';
import { registerWebApp, WEB_DIST } from './platform/http/web.js';
import { createIdempotencyStore } from './platform/idempotency.js';
import { JobRunner } from './platform/jobs.js';
import { Moderation } from './platform/moderation.js';
import { createPolicy } from './platform/policy.js';
import { reasonComponents } from './platform/reasons.js';
import { problemReasons } from './problem-reasons.js';
import { wireReactions } from './reactions.js';

export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  passwords?: PasswordHasher;
  logger?: FastifyServerOptions['logger'];
  webRoot?: string;
  /** Where emails go; by default SMTP when SMTP_URL is set, else the log. Tests pass a capturing one. */
  mailer?: Mailer;
  /** Stripe's transport; tests pass one that answers with recorded responses. */
  stripeHttpClient?: StripeProviderOptions['httpClient'];
  /** Draws pickup codes; tests pass one that repeats itself to force a collision. */
  pickupCode?: () => string;
  /** Where uploads are kept; by default STORAGE's. Tests pass one that counts what is read. */
  storage?: ObjectStorage;
}

export const BODY_LIMIT = 1024 * 1024;

/** The composition root for HTTP: services from their dependencies, then routes from services. */
export async function buildApp(deps: AppDeps) {
  const { config, db, clock } = deps;
  const trustProxy = trustFunction(config.trustProxy);
  // Set once the sharing module exists: cached share-link redirects are answered before Fastify.
  let beforeFastify: ((request: IncomingMessage, response: ServerResponse) => boolean) | undefined;
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((request, response) => {
        if (!beforeFastify?.(request, response)) handler(request, response);
      }),
    logger: deps.logger ?? { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorAsProblem,
    trustProxy: config.trustProxy === false ? false : trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // With DATABASE_READ_URL, GET requests' catalog, feed and analytics reads may use the replica.
  if (db.reader) app.addHook('onRequest', replicaForReadRequests);

  const jobs = new JobRunner(db, clock, app.log);
  const mailer = deps.mailer ?? createMailer(config, app.log);
  const accounts = createAccountsService({
    db,
    clock,
    passwords: deps.passwords ?? argon2idHasher(),
    loginLimit: config.rateLimits ? LOGIN_LIMIT : undefined,
    // The notifications module's email adapter; accounts knows nothing else of notifications.
    resetMail: (mail) => mailer.send(passwordResetEmail(mail)),
    onResetMailFailed: (err) => app.log.error({ err }, 'sending a password-reset email failed'),
    // Analytics is built below; a sign-up it fails to record is logged, never refused.
    onSignedUp: (signup) =>
      analytics.recordSignup(signup).catch((err) => app.log.error({ err }, 'recording a sign-up failed')),
  });
  const catalog = createCatalogService({ db, clock });
  const catalogImports = createImportService({ db, clock, jobs, currency: config.currency });
  const audit = createAuditService({ db, clock, jobs, contacts: accounts.contactsOf });
  const events = new EventBus(jobs);
  const idempotency = createIdempotencyStore(clock);
  const ledger = createLedgerService({ clock });
  const sandbox = config.sandboxPayments ? createSandboxProvider({ db, clock }) : undefined;
  const stripe = config.stripe
    ? createStripeProvider({ ...config.stripe, httpClient: deps.stripeHttpClient })
    : undefined;
  const providers = [sandbox?.provider, stripe].filter((p) => p !== undefined);
  const payments = createPaymentsService({
    db,
    clock,
    providers,
    defaultProvider: config.paymentProvider,
    ledger,
    jobs,
  });
  const points = createPointsService({
    db,
    clock,
    currency: config.currency,
    jobs,
    events,
    // Orders are created below (their checkout takes points); this runs only once requests do.
    orderFacts: (conn, orderId) => orders.rewardFacts(conn, orderId),
  });
  const addresses = createAddressesService({ db, clock });
  const shipping = createShippingService({
    db,
    clock,
    sellableVariants: catalog.sellableVariants,
    productVariants: (productId) =>
      catalog.getProduct(productId, true).then(
        (product) => product.variants,
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'not_found') return null;
          throw error;
        },
      ),
    // Group buys are created below; this runs only once requests do.
    groupTerms: (campaignId, groupId) => groupBuys.quoteUnitPrice(campaignId, groupId),
    memberFreeShipping: hasFreeShipping,
  });
  // Posts and live rooms register how to find their owner here (`contentSources.register`); orders
  // check a named source with it, distribution credits the owner.
  const contentSources = new ContentSources();
  // The market policy profile (POLICY_PROFILE): features consult it before they start something new.
  const policy = createPolicy(config.policyProfile);
  const checkins = createCheckinsService({ db, clock, timeZone: config.timeZone, points, events });
  const orders = createOrdersService({
    db,
    clock,
    currency: config.currency,
    paymentTimeoutMs: minutes(config.paymentTimeoutMinutes),
    maxUnpaidOrders: config.maxUnpaidOrders,
    catalog,
    payments,
    ledger,
    jobs,
    events,
    idempotency,
    coupons: createCouponCheckout({ clock }),
    groupBuys: createGroupBuyCheckout({ clock }),
    flashSales: createFlashSaleCheckout({ db, clock, jobs }),
    bargains: createBargainCheckout({ clock, policy }),
    gifts: createGiftOrders({ clock }),
    memberPricing,
    pointsCheckout: points.checkout,
    shipping: shipping.checkout,
    shipments: shipmentLookup,
    savedAddresses: addresses,
    // Communities are created below (they complete orders); this runs only once requests do.
    pickups: {
      reserve: (tx, input) => communities.pickups.checkout.reserve(tx, input),
      ofOrders: (conn, orderIds) => communities.pickups.checkout.ofOrders(conn, orderIds),
    },
    contentSources,
    buyers: {
      contactsOf: accounts.contactsOf,
      idsMatching: (conn, text) => accounts.idsMatching(conn, text),
    },
    sandbox,
  });
  const fulfilment = createFulfilmentService({
    db,
    orders,
    jobs,
    autoConfirmDays: config.autoConfirmDays,
    log: app.log,
  });
  const groupBuys = createGroupBuyService({
    db,
    clock,
    catalog,
    orders,
    events,
    jobs,
    names: accounts.namesOf,
    // Communities are built later (their pickups need after-sales): bound when a campaign is created.
    communityExists: (conn, communityId) => communities.directory.exists(conn, communityId),
  });
  const flashSales = createFlashSaleService({ db, clock, catalog });
  const gifts = createGiftService({
    db,
    clock,
    jobs,
    events,
    orders,
    names: accounts.namesOf,
    claimDays: config.giftClaimDays,
  });
  const bargains = createBargainService({
    db,
    clock,
    catalog,
    policy,
    names: accounts.namesOf,
    helpers: {
      createdAt: async (conn, userId) => new Date((await accounts.getUser(userId, conn)).createdAt),
      hasPaidOrder: async (conn, userId) => (await orders.paidOrdersOf(conn, userId, 1)).length > 0,
    },
  });
  const uploads = createUploadsService({
    db,
    clock,
    storage:
      deps.storage ??
      (config.storage.kind === 's3' ? s3Storage(config.storage) : localDiskStorage(config.storage.folder)),
    limits: { maxBytes: config.uploadMaxBytes, maxPixels: config.uploadMaxPixels },
    videoMaxBytes: config.videoUploadMaxBytes,
    videoQuotaBytes: config.videoUploadQuotaBytes,
    // A video's one use is a live room's session: only hosts upload them.
    mayUploadVideos: mayHost,
  });
  const stores = createStoresService({
    db,
    clock,
    accounts,
    catalog,
    uploads: { ownedUrl: async (conn, ownerId, id) => (await uploads.getOwned(conn, ownerId, id)).url },
    shopkeeperApproval: config.shopkeeperApproval,
  });
  const analyticsSeats = createGroupBuyCheckout({ clock });
  const analytics = createAnalyticsService({
    db,
    clock,
    jobs,
    orderFacts: async (conn, orderId) => {
      const facts = await orders.attributionFacts(conn, orderId);
      if (!facts) return undefined;
      const seat = (await analyticsSeats.ofOrders(conn, [orderId])).get(orderId);
      // Communities are built below; this runs only once orders are paid.
      const pickup = await communities.pickups.communityOfOrder(conn, orderId);
      return {
        buyerId: facts.buyerId,
        total: facts.total,
        deviceId: facts.deviceId,
        shareCode: facts.shareCode,
        storeSlug: facts.storeSlug,
        source: facts.source,
        inGroup: seat !== undefined,
        atPickupPoint: pickup !== null,
        group: seat ? { groupId: seat.groupId, campaignId: seat.campaignId, role: seat.role } : null,
        // Coupons are built below; this runs only once orders are paid.
        coupon: (await coupons.redemptionOf(conn, orderId)) ?? null,
        paidBefore: await orders.hasPaidBefore(conn, facts.buyerId, orderId),
      };
    },
    onWriteFailed: (err, lost) => app.log.error({ err, lost }, 'writing analytics events failed'),
    // Names and titles for the dashboard's tables; coupons, group buys and structure are built below.
    insights: {
      names: (ids) => accounts.namesOf(db, ids),
      productTitles: async (ids) => new Map((await catalog.getProducts(ids)).map((p) => [p.id, p.title])),
      couponTitles: (ids) => coupons.templateTitles(ids),
      campaignTitles: async (ids) =>
        new Map(
          await Promise.all(
            ids.map(
              async (id) =>
                [
                  id,
                  await groupBuys.getCampaign(id).then(
                    (c) => c.product.title,
                    () => '',
                  ),
                ] as const,
            ),
          ),
        ),
      teamShape: async (userId) => {
        const team = await structure.team(userId);
        const { shape, size, depth, breadth, clustering } = team.metrics;
        return { shape, size, depth, breadth, clustering, truncated: team.truncated };
      },
    },
  });
  const webRoot = deps.webRoot ?? WEB_DIST;
  const sharing = createSharingModule({
    db,
    clock,
    accounts,
    catalog,
    stores,
    currency: config.currency,
    publicUrl: config.publicUrl,
    webRoot,
    orderFacts: (conn, orderId) => orders.attributionFacts(conn, orderId),
    // Reviews are created below; this runs only once shared pages are served.
    productRating: (productId) => reviews.summary(productId),
    events,
    onClickWriteFailed: (err, lost) => app.log.error({ err, lost }, 'writing share-link clicks failed'),
    onClick: (link, click) => analytics.recordLinkOpened({ code: link.code, deviceId: click.deviceId }),
  });
  beforeFastify = cachedRedirect(sharing.service, trustProxy, config.publicUrl, app.log);
  let trust: TrustService;
  const distribution = createDistributionService(
    {
      db,
      clock,
      config,
      accounts,
      orders,
      ledger,
      idempotency,
      events,
      productRates: catalog.commissionRates,
      leaderRates: catalog.leaderRates,
      // Communities are built after distribution (their pickups need after-sales): bound when called.
      pickupLeaderOf: async (conn, orderId) =>
        (await communities.pickups.communityOfOrder(conn, orderId))?.leaderId ?? null,
      commissionMultiplierBps,
      // The trust module is built after after-sales (which needs distribution): bound when called.
      lowTrust: (tx, promoterId) => trust.lowTrust(tx, promoterId),
      policy,
      contentSources,
      sources: {
        sharerOfCode: async (conn, code) => (await sharing.service.findLink(conn, code))?.ownerId ?? null,
        ownerOfStore: async (conn, slug) => (await stores.findStoreBySlug(conn, slug))?.ownerId ?? null,
      },
    },
    { events, jobs },
  );
  // Coupons come after what their ports read: share-to-unlock counts different people opening a
  // sharer's links (not the sharer's own devices), and the picker prices a group order as checkout does.
  const shareVisitors: ShareVisitors = async (conn, sharerId, since) =>
    sharing.service.distinctVisitors(conn, sharerId, since, await distribution.devicesOf(conn, sharerId));
  const coupons = createCouponsService({
    db,
    clock,
    catalog,
    shareVisitors,
    groupPrices: groupBuys.quoteUnitPrice,
    memberPricing,
    policy,
    onUnlocked: analytics.record.couponUnlocked,
  });
  const levels = createLevelsService({
    db,
    clock,
    events,
    jobs,
    timeZone: config.timeZone,
    currency: config.currency,
    coupons,
    orders,
  });
  const invitations = createInvitationsService({
    db,
    clock,
    accounts,
    orders,
    coupons,
    points,
    events,
    policy,
  });
  const pointsMall = createPointsMallService({
    db,
    clock,
    points,
    coupons,
    orders,
    catalog,
    people: { contactsOf: accounts.contactsOf },
  });
  const afterSales = createAfterSalesService({
    db,
    clock,
    events,
    orders,
    holds: { hold: distribution.holdSettlement, release: distribution.releaseSettlement },
    returnWindowDays: config.returnWindowDays,
    autoApproveRefunds: config.afterSalesAutoApproveRefunds,
  });
  const communities = createCommunitiesModule({
    db,
    clock,
    timeZone: config.timeZone,
    accounts,
    orders,
    events,
    jobs,
    leaderApproval: config.leaderApproval,
    collectDays: config.pickupCollectDays,
    uncollectedPolicy: config.uncollectedPickupPolicy,
    pickupCode: deps.pickupCode,
    // Goods still at the pickup point never shipped to the buyer: after-sales calls that a refund
    // before shipping, whose approval puts the units back in stock, which is the return to the platform.
    requestReturn: async (tx, userId, orderId, reason) => {
      const created = await afterSales.requestIn(tx, userId, orderId, { type: 'refund', reason });
      return { settle: () => afterSales.afterRequested(created) };
    },
  });
  const notifications = createNotificationsService({
    db,
    clock,
    jobs,
    accounts,
    mailer,
    currency: config.currency,
    publicUrl: config.publicUrl,
  });
  const tasks = createTasksService({
    db,
    clock,
    timeZone: config.timeZone,
    points,
    coupons,
    orders,
    events,
    policy,
  });
  const honours = createHonoursService({
    db,
    clock,
    timeZone: config.timeZone,
    events,
    jobs,
    accounts,
    orders,
    stores,
  });
  const academy = createAcademyService({
    db,
    clock,
    events,
    publicUrl: config.publicUrl,
    names: accounts.namesOf,
  });
  const competitions = createCompetitionsService(
    { db, clock, events, accounts, points, coupons, distribution, orders },
    { jobs },
  );
  // The one moderation registry: posts, comments, chat messages and reviews register their kinds,
  // the moderation module sets the ban check; nobody else makes another.
  const moderationRegistry = new Moderation();
  const live = createLiveService({
    db,
    clock,
    moderation: moderationRegistry,
    products: async (ids) =>
      (await catalog.getProducts(ids)).map((p) => ({
        id: p.id,
        title: p.title,
        price: p.minPrice ?? 0,
        image: p.images[0] ?? null,
      })),
    names: accounts.namesOf,
    videoOf: async (conn, ownerId, videoId) => uploads.findOwnedVideo(conn, ownerId, videoId),
    salesOf: (conn, id) => orders.salesOfSource(conn, { type: 'live', id }),
    streamOrigins: config.liveStreamOrigins,
    onJoined: analytics.record.liveJoined,
  });
  live.register({ moderation: moderationRegistry, contentSources });
  const liveStreams = createStreamHub({
    db,
    clock,
    pollMs: config.livePollMs,
    onError: (err) => app.log.error({ err }, 'reading live-room events failed'),
  });
  const people = createPeopleService({ db, clock, accounts, orders, distribution, points, addresses });
  const reviews = createReviewsService({
    db,
    clock,
    events,
    moderation: moderationRegistry,
    orders,
    photos: { ownedUrl: async (conn, ownerId, id) => (await uploads.getOwned(conn, ownerId, id)).url },
    names: accounts.namesOf,
  });
  moderationRegistry.register('review', reviews.moderated);
  const moderation = createModerationService({
    db,
    clock,
    registry: moderationRegistry,
    people: accounts.contactsOf,
  });
  // Trust reads reviews, upheld complaints (moderation) and pickups (communities) through its ports;
  // a community's structure is drawn from the communities module's members.
  trust = createTrustService({
    db,
    clock,
    accounts,
    distribution,
    afterSales,
    sources: {
      reviewsOfOrders: reviews.ratingsOfOrders,
      complaintsAbout: moderation.complaintsAbout,
      pickupRecordOf: communities.pickups.recordOf,
    },
  });
  const structure = createStructureService({
    db,
    accounts,
    distribution,
    communities: { membersOf: communities.directory.membersOf },
  });
  const posts = createPostsService({
    db,
    clock,
    ports: {
      names: accounts.namesOf,
      personExists: (conn, id) =>
        accounts.getUser(id, conn).then(
          () => true,
          (error: unknown) => {
            if (error instanceof AppError && error.code === 'not_found') return false;
            throw error;
          },
        ),
      products: async (ids) =>
        (await catalog.getProducts(ids)).map((p) => ({
          id: p.id,
          title: p.title,
          image: p.images[0] ?? null,
          price: p.minPrice,
        })),
      ownsImage: uploads.ownsUrl,
      badges: async (userId) => (await honours.publicBadges(userId)).items,
      shareClicks: (conn, postId) => sharing.service.clicksOfTarget(conn, 'post', postId),
      sales: async (conn, postIds) =>
        new Map(
          await Promise.all(
            postIds.map(async (id) => [id, await orders.salesOfSource(conn, { type: 'post', id })] as const),
          ),
        ),
      orderSource: async (conn, orderId) => (await orders.attributionFacts(conn, orderId))?.source,
      moderation: moderationRegistry,
      onViewed: analytics.record.postViewed,
    },
  });
  moderationRegistry.register('post', posts.moderatedPosts);
  moderationRegistry.register('comment', posts.moderatedComments);
  contentSources.register('post', posts.authorOfPublic);
  const recommendations = createRecommendationsService({
    db,
    clock,
    jobs,
    catalog,
    people: {
      languageOf: async (userId) => (await accounts.recipient(db, userId))?.language,
      namesOf: (ids) => accounts.namesOf(db, ids),
    },
    orderProducts: async (conn, orderId) => {
      const facts = await orders.reviewFacts(conn, orderId);
      if (!facts) return undefined;
      const kept = facts.status === 'refunded' ? [] : facts.lines.filter((l) => !l.refundedInFull);
      return { userId: facts.userId, productIds: kept.map((l) => l.productId) };
    },
    // The social graph and content signals, each from the module that records it.
    signals: {
      links: async () => {
        const [invited, bound, follows] = await Promise.all([
          accounts.withInviters(),
          distribution.bindingPairs(),
          posts.followPairs(),
        ]);
        return [
          ...invited.flatMap((u) => (u.invited_by ? [[u.id, u.invited_by] as const] : [])),
          ...bound.map((b) => [b.buyer_id, b.promoter_id] as const),
          ...follows.map((f) => [f.follower_id, f.followee_id] as const),
        ];
      },
      communityMembers: async (size) =>
        (await communities.directory.membersOfCommunitiesUpTo(size)).map((m) => ({
          communityId: m.community_id,
          userId: m.user_id,
        })),
      likes: async () =>
        (await posts.productLikes()).map((l) => ({
          userId: l.user_id,
          productIds: l.product_ids,
          at: l.liked_at,
        })),
      postTags: async () =>
        (await posts.productTags()).map((p) => ({
          userId: p.author_id,
          productIds: p.product_ids,
          at: p.published_at,
        })),
      shares: async () =>
        (await sharing.service.productShares()).map((l) => ({
          userId: l.owner_id,
          productIds: [l.product_id],
          at: l.created_at,
        })),
      repurchaseProducts: () => catalog.repurchaseProductIds(),
    },
    onActivityWriteFailed: (err, lost) => app.log.error({ err, lost }, 'writing product views failed'),
  });
  wireReactions(events, {
    competitions,
    groupBuys,
    flashSales,
    bargains,
    gifts,
    distribution,
    coupons,
    invitations,
    points,
    notifications,
    afterSales,
    sharing: sharing.service,
    levels,
    tasks,
    honours,
    communities: communities.pickups,
    posts,
    reviews,
    analytics,
    recommendations,
  });
  // The simulator's shop population: people from accounts, who knows whom from the modules that
  // record it (invitations, bindings, follows, communities), buyers and rates from analytics.
  const simulator = createSimulatorService({
    db,
    clock,
    log: app.log,
    shop: {
      people: async () => (await accounts.withInviters()).map((u) => u.id),
      friendships: async () => {
        const [invited, bound, follows, members] = await Promise.all([
          accounts.withInviters(),
          distribution.bindingPairs(),
          posts.followPairs(),
          communities.directory.memberLeaderPairs(),
        ]);
        return [
          ...invited.flatMap((u) => (u.invited_by ? [[u.id, u.invited_by] as const] : [])),
          ...bound.map((b) => [b.buyer_id, b.promoter_id] as const),
          ...follows.map((f) => [f.follower_id, f.followee_id] as const),
          ...members.map((m) => [m.user_id, m.leader_id] as const),
        ];
      },
      buyers: () => analytics.buyerIds(),
      activity: (start, end) => analytics.shopActivity(start, end),
    },
  });
  const services = {
    analytics,
    simulator,
    flashSales,
    bargains,
    gifts,
    accounts,
    structure,
    trust,
    catalog,
    catalogImports,
    ledger,
    payments,
    orders,
    events,
    stores,
    distribution,
    /** Where the posts and live modules `register('post' | 'live', ownerLookup)`. */
    contentSources,
    sharing: sharing.service,
    shareTargets: sharing.targets,
    groupBuys,
    coupons,
    points,
    levels,
    shipping,
    pointsMall,
    invitations,
    notifications,
    fulfilment,
    /** Present when the sandbox provider is on: the demo shop pays its demo orders through it. */
    sandbox,
    afterSales,
    addresses,
    uploads,
    checkins,
    tasks,
    honours,
    academy,
    competitions,
    people,
    audit,
    reviews,
    moderation,
    moderationRegistry,
    communities,
    posts,
    live,
    recommendations,
  };
  registerGroupTarget(sharing.targets, groupBuys);
  registerPostTarget(sharing.targets, posts);
  // Clicks wait in memory for at most a second; closing the app writes what is waiting.
  app.addHook('onReady', async () => sharing.service.start());
  app.addHook('onClose', async () => sharing.service.close());
  app.addHook('onReady', async () => analytics.start());
  app.addHook('onClose', async () => analytics.close());
  app.addHook('onClose', async () => accounts.close());
  app.addHook('onReady', async () => recommendations.start());
  app.addHook('onClose', async () => recommendations.close());
  // Simulations run in worker threads of this process: closing stops them and marks them failed.
  app.addHook('onClose', async () => simulator.close());

  registerValidation(app);
  registerErrorHandling(app);
  await registerSecurityHeaders(app, config.publicUrl, config.liveStreamOrigins);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Fission API', version: '0.1.0', description: 'Social e-commerce: shop, share, earn.' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: reasonComponents(problemReasons),
      },
      security: [{ bearer: [] }],
      tags: API_TAGS,
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Scalar's reference reads the document above; its script is served from the package, not a CDN.
  await app.register(apiReference, {
    routePrefix: '/docs',
    logLevel: 'warn',
    // Nothing that calls Scalar's servers (the agent's registry search, telemetry, the developer
    // toolbar shown on localhost): the page's policy allows connections to this origin only.
    configuration: {
      title: 'Fission API',
      withDefaultFonts: false,
      hideClientButton: true,
      showDeveloperTools: 'never',
      telemetry: false,
      agent: { disabled: true },
    },
  });
  if (config.rateLimits) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'rate_limited',
          `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
          undefined,
          {
            params: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
          },
        ),
    });
  }
  registerAuth(app, accounts.authenticate);
  app.addHook('onResponse', async (request) => {
    if (!request.user) return;
    const device = identifierCookie(request.headers.cookie, 'fission_device');
    distribution.recordSighting(request.user.id, device, request.ip).catch((err) => {
      request.log.warn({ err }, 'recording a device sighting failed');
    });
  });
  const attention = createAttention({ db, clock });
  const metrics = registerMetrics(app, config.metricsToken);
  registerAttentionGauge(metrics, attention);
  registerBusinessMetrics(metrics, {
    counts: analytics.counts,
    events: analytics.bufferStats,
    clicks: sharing.service.clickStats,
    jobs,
    pool: 'pool' in db ? (db.pool as MetricSources['pool']) : undefined,
  });

  const testClock = config.testClock && clock instanceof AdjustableClock ? clock : undefined;
  await app.register(systemRoutes, {
    config,
    db,
    jobs,
    testClock,
    policy,
    distributionRules: distribution.effectiveSettings,
  });
  await app.register(accountsRoutes, {
    accounts,
    authRateLimit: config.rateLimits ? { max: 10, timeWindow: '1 minute' } : false,
    publicUrl: config.publicUrl,
  });
  await app.register(peopleRoutes, { people });
  await app.register(catalogRoutes, { catalog });
  await app.register(catalogIoRoutes, { catalog, imports: catalogImports, currency: config.currency });
  await app.register(ordersRoutes, {
    orders,
    publicUrl: config.publicUrl,
    checkoutRateLimit:
      config.rateLimits && config.checkoutRateLimit > 0
        ? { max: config.checkoutRateLimit, timeWindow: '1 minute' }
        : false,
  });
  await app.register(addressesRoutes, { addresses });
  await app.register(shippingRoutes, { shipping });
  await app.register(fulfilmentRoutes, { fulfilment });
  await app.register(paymentRoutes, {
    orders,
    webhookProviders: stripe ? [stripe] : [],
    notices: createPaymentNotices({ db, clock, orders, payments, ledger, events }),
    attention,
  });
  await app.register(storesRoutes, { stores });
  await app.register(communitiesRoutes, {
    ...communities,
    verifyRateLimit: config.rateLimits ? { max: 30, timeWindow: '1 minute' } : false,
  });
  await app.register(uploadsRoutes, {
    uploads,
    uploadRateLimit:
      config.rateLimits && config.uploadRateLimit > 0
        ? { max: config.uploadRateLimit, timeWindow: '1 minute' }
        : false,
  });
  await app.register(distributionRoutes, { distribution, users: accounts });
  await app.register(fraudReviewRoutes, { distribution });
  await app.register(groupBuyRoutes, { groupBuys });
  await app.register(flashSaleRoutes, { flashSales });
  await app.register(bargainRoutes, { bargains });
  await app.register(giftRoutes, { gifts, publicUrl: config.publicUrl });
  await app.register(couponsRoutes, { coupons });
  await app.register(pointsRoutes, { points });
  await app.register(checkinsRoutes, { checkins });
  await app.register(levelsRoutes, { levels });
  await app.register(tasksRoutes, { tasks });
  await app.register(honoursRoutes, { honours });
  await app.register(pointsMallRoutes, { pointsMall });
  await app.register(invitationsRoutes, { invitations });
  await app.register(competitionsRoutes, { competitions });
  await app.register(notificationsRoutes, { notifications });
  await app.register(afterSalesRoutes, { afterSales });
  await app.register(sharingRoutes, {
    sharing: sharing.service,
    media: sharing.media,
    publicUrl: config.publicUrl,
    linkRateLimit: config.rateLimits ? { max: 30, timeWindow: '1 minute' } : false,
    mediaRateLimit: config.rateLimits ? { max: 120, timeWindow: '1 minute' } : false,
  });
  const shareEarnings = createShareEarningsService({
    catalog,
    settings: distribution.effectiveSettings,
    groupPrices: groupBuys.runningPrices,
  });
  await app.register(shareEarningsRoutes, { shareEarnings });
  await app.register(structureRoutes, { structure });
  await app.register(analyticsRoutes, { analytics });
  await app.register(trustRoutes, { trust });
  await app.register(academyRoutes, { academy });
  await app.register(postsRoutes, {
    posts,
    postRateLimit:
      config.rateLimits && config.postRateLimit > 0
        ? { max: config.postRateLimit, timeWindow: '1 minute' }
        : false,
    commentRateLimit:
      config.rateLimits && config.commentRateLimit > 0
        ? { max: config.commentRateLimit, timeWindow: '1 minute' }
        : false,
  });
  await app.register(openWebRoutes, { catalog, stores, publicUrl: config.publicUrl });
  await app.register(auditRoutes, { audit });
  await app.register(reviewsRoutes, { reviews });
  await app.register(moderationRoutes, {
    moderation,
    reportRateLimit: config.rateLimits ? { max: 20, timeWindow: '1 minute' } : false,
  });
  await app.register(liveRoutes, {
    live,
    streams: liveStreams,
    chatRateLimit:
      config.rateLimits && config.liveChatRateLimit > 0
        ? { max: config.liveChatRateLimit, timeWindow: '1 minute' }
        : false,
  });
  await app.register(recommendationsRoutes, { recommendations });
  await app.register(simulatorRoutes, { simulator });
  await registerWebApp(app, webRoot, sharing.pageHtml);

  return { app, jobs, services };
}

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;
