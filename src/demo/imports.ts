import type { BuiltApp } from '../app.js';
import type { Product } from '../modules/catalog/index.js';
import { demoAuditContext } from './audit.js';

type Services = BuiltApp['services'];

/** The demo's catalog import: a restock file the operator loaded, 50 more of each size. */
export const demoImport = { fileName: 'restock-december.csv', slug: 'anxi-tieguanyin', added: 50 } as const;

const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const major = (minor: number) => (minor / 100).toFixed(2);

/**
 * After the story's orders, so the file sets stock to what is on the shelf plus the delivery. The
 * import runs as the job it always is (with the seed's other jobs), so the console's import page
 * shows it done and the audit log shows what it changed.
 */
export async function seedDemoImport(
  services: Services,
  adminId: string,
  products: ReadonlyMap<string, Product>,
) {
  const listed = products.get(demoImport.slug);
  if (!listed) throw new Error(`The demo catalog has no product "${demoImport.slug}"`);
  const product = await services.catalog.getProduct(listed.id);
  const rows = [
    'handle,title,sku,variantTitle,price,stock',
    ...product.variants.map((v) =>
      [
        product.id,
        cell(product.title),
        v.sku,
        cell(v.title),
        major(v.price),
        v.stock + demoImport.added,
      ].join(','),
    ),
  ];
  await services.catalogImports.startImport(
    adminId,
    'csv',
    rows.join('\n'),
    demoImport.fileName,
    demoAuditContext(adminId),
  );
}
