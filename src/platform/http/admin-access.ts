/**
 * Who may call each console route: the one table the route guard (`adminOnly`, ./auth.ts) reads
 * and the authorization sweep (test/integration/authorization.test.ts) is generated from, which
 * fails for an /api/admin/ route missing here. Keys are `METHOD path` as the OpenAPI document
 * writes paths.
 *
 * `operator` is support staff: they see orders and the people list, handle shipping and
 * after-sales, and disable or re-enable customers; settings, prices, stock, incentives, roles and
 * payouts stay with `admin`. An admin may do everything an operator may.
 */
export const STAFF_ROLES = ['admin', 'operator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const ADMIN: readonly StaffRole[] = ['admin'];
const STAFF: readonly StaffRole[] = ['admin', 'operator'];

export const ADMIN_ACCESS: Readonly<Record<string, readonly StaffRole[]>> = {
  'GET /api/admin/categories': STAFF,
  'POST /api/admin/categories': ADMIN,
  'PATCH /api/admin/categories/{slug}': ADMIN,
  'DELETE /api/admin/categories/{slug}': ADMIN,
  'PUT /api/admin/categories/order': ADMIN,
  'GET /api/admin/products': STAFF,
  'POST /api/admin/products': ADMIN,
  'GET /api/admin/products/{id}': STAFF,
  'PATCH /api/admin/products/{id}': ADMIN,
  'POST /api/admin/variants/{id}/stock': ADMIN,
  'GET /api/admin/variants/{id}/stock-movements': STAFF,
  'POST /api/admin/products/{id}/archive': ADMIN,
  'POST /api/admin/products/{id}/restore': ADMIN,
  'POST /api/admin/products/bulk': ADMIN,
  'GET /api/admin/products/export.csv': STAFF,
  'POST /api/admin/product-imports/dry-run': ADMIN,
  'POST /api/admin/product-imports': ADMIN,
  'GET /api/admin/product-imports': ADMIN,
  'GET /api/admin/product-imports/{id}': ADMIN,
  'GET /api/admin/shipping-templates': STAFF,
  'POST /api/admin/shipping-templates': ADMIN,
  'GET /api/admin/shipping-templates/{id}': STAFF,
  'PUT /api/admin/shipping-templates/{id}': ADMIN,
  'DELETE /api/admin/shipping-templates/{id}': ADMIN,
  'GET /api/admin/products/{id}/shipping': STAFF,
  'PUT /api/admin/products/{id}/shipping': ADMIN,
  'GET /api/admin/orders': STAFF,
  'GET /api/admin/orders/{id}': STAFF,
  'GET /api/admin/orders/export.csv': STAFF,
  'POST /api/admin/orders/{id}/complete': STAFF,
  'POST /api/admin/orders/{id}/refund': ADMIN,
  'POST /api/admin/orders/{id}/ship': STAFF,
  'POST /api/admin/shipments/import': STAFF,
  'GET /api/admin/attention': STAFF,
  // Support staff read the log (what happened to an account they handle); only admins set retention.
  'GET /api/admin/audit': STAFF,
  'GET /api/admin/live-rooms': STAFF,
  'GET /api/admin/audit/settings': ADMIN,
  'PUT /api/admin/audit/settings': ADMIN,
  'GET /api/admin/shopkeepers': ADMIN,
  'POST /api/admin/shopkeepers/{userId}/approve': ADMIN,
  'POST /api/admin/shopkeepers/{userId}/reject': ADMIN,
  'GET /api/admin/distribution/settings': ADMIN,
  'PUT /api/admin/distribution/settings': ADMIN,
  'GET /api/admin/promoters': ADMIN,
  'GET /api/admin/commissions': ADMIN,
  'GET /api/admin/commissions/export.csv': ADMIN,
  'POST /api/admin/commissions/{id}/release': ADMIN,
  'GET /api/admin/withdrawals': ADMIN,
  'GET /api/admin/withdrawals/export.csv': ADMIN,
  'POST /api/admin/withdrawals/{id}/approve': ADMIN,
  'POST /api/admin/withdrawals/{id}/reject': ADMIN,
  'GET /api/admin/commission-flags': ADMIN,
  'POST /api/admin/commissions/{id}/review': ADMIN,
  'POST /api/admin/group-buys': ADMIN,
  'GET /api/admin/group-buys': ADMIN,
  'GET /api/admin/group-buys/{id}': ADMIN,
  'PATCH /api/admin/group-buys/{id}': ADMIN,
  'GET /api/admin/group-buys/{id}/groups': ADMIN,
  'POST /api/admin/group-buys/{id}/close': ADMIN,
  'POST /api/admin/group-buys/groups/{groupId}/complete': ADMIN,
  'GET /api/admin/coupons': ADMIN,
  'POST /api/admin/coupons': ADMIN,
  'GET /api/admin/coupons/{id}': ADMIN,
  'PATCH /api/admin/coupons/{id}': ADMIN,
  'POST /api/admin/coupons/{id}/disable': ADMIN,
  'POST /api/admin/coupons/{id}/enable': ADMIN,
  'GET /api/admin/points/settings': ADMIN,
  'PUT /api/admin/points/settings': ADMIN,
  'GET /api/admin/check-ins/settings': ADMIN,
  'PUT /api/admin/check-ins/settings': ADMIN,
  'GET /api/admin/levels': ADMIN,
  'POST /api/admin/levels': ADMIN,
  'GET /api/admin/levels/settings': ADMIN,
  'PUT /api/admin/levels/settings': ADMIN,
  'PUT /api/admin/levels/{rank}': ADMIN,
  'DELETE /api/admin/levels/{rank}': ADMIN,
  'GET /api/admin/tasks': ADMIN,
  'POST /api/admin/tasks': ADMIN,
  'GET /api/admin/tasks/{id}': ADMIN,
  'PUT /api/admin/tasks/{id}': ADMIN,
  'POST /api/admin/tasks/{id}/deactivate': ADMIN,
  'GET /api/admin/honours': ADMIN,
  'GET /api/admin/points-mall/items': ADMIN,
  'POST /api/admin/points-mall/items': ADMIN,
  'GET /api/admin/points-mall/items/{itemId}': ADMIN,
  'PATCH /api/admin/points-mall/items/{itemId}': ADMIN,
  'POST /api/admin/points-mall/items/{itemId}/deactivate': ADMIN,
  'POST /api/admin/points-mall/items/{itemId}/activate': ADMIN,
  'GET /api/admin/points-mall/redemptions': ADMIN,
  'POST /api/admin/points-mall/redemptions/{redemptionId}/done': ADMIN,
  'GET /api/admin/invitation-rewards': ADMIN,
  'PUT /api/admin/invitation-rewards': ADMIN,
  'GET /api/admin/competitions': ADMIN,
  'POST /api/admin/competitions': ADMIN,
  'GET /api/admin/competitions/{id}': ADMIN,
  'PUT /api/admin/competitions/{id}': ADMIN,
  'POST /api/admin/competitions/{id}/cancel': ADMIN,
  'GET /api/admin/after-sales': STAFF,
  'POST /api/admin/after-sales/{id}/approve': STAFF,
  'POST /api/admin/after-sales/{id}/reject': STAFF,
  'GET /api/admin/academy/sections': ADMIN,
  'POST /api/admin/academy/sections': ADMIN,
  'PATCH /api/admin/academy/sections/{id}': ADMIN,
  'DELETE /api/admin/academy/sections/{id}': ADMIN,
  'GET /api/admin/academy/lessons/{id}': ADMIN,
  'PATCH /api/admin/academy/lessons/{id}': ADMIN,
  'DELETE /api/admin/academy/lessons/{id}': ADMIN,
  'POST /api/admin/academy/lessons': ADMIN,
  'GET /api/admin/academy/questions': ADMIN,
  'PUT /api/admin/academy/questions/{id}/hidden': ADMIN,
  'PUT /api/admin/academy/answers/{id}/hidden': ADMIN,
  'GET /api/admin/users': STAFF,
  'GET /api/admin/users/{id}': STAFF,
  'POST /api/admin/users/{id}/disable': STAFF,
  'POST /api/admin/users/{id}/enable': STAFF,
  'PUT /api/admin/users/{id}/roles/{role}': ADMIN,
  'DELETE /api/admin/users/{id}/roles/{role}': ADMIN,
};

/** `/api/admin/orders/:id` (Fastify's form) → `/api/admin/orders/{id}` (the table's). */
export const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The roles that may call a route. A console route missing from the table is admin-only, so a
 * route added without a row is never opened to support staff by mistake (and the sweep fails).
 */
export const rolesFor = (method: string, path: string): readonly StaffRole[] =>
  ADMIN_ACCESS[`${method} ${openApiPath(path)}`] ?? ADMIN;
