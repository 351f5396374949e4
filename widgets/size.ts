// npm run build:widgets: prints the widget bundle's size and gzip size; fails over the budget.
// (`npm run build` checks the budget too.)
import { buildWidgets, describeSize, GZIP_BUDGET_BYTES } from "./build.ts";

const bundle = await buildWidgets();
console.log(describeSize(bundle));
if (bundle.gzipBytes > GZIP_BUDGET_BYTES) {
  console.error(`Over budget by ${bundle.gzipBytes - GZIP_BUDGET_BYTES} bytes gzip.`);
  process.exitCode = 1;
}
