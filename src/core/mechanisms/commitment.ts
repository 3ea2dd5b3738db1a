// Commitment: a member whose share of the pair's power is growing values today's terms less (Powell 2006).
import type { PairView } from './pair.js';

/**
 * -weight * max(0, forecast - share): the share of the pair's power i expects `horizon` years ahead, read from the trend of the
 * last `window` years, less its share now. A bargain struck on today's balance cannot bind a partner once the balance has moved,
 * so the rising member discounts it by what it expects to gain (Powell 2006; Fearon 1995). A declining member gains nothing
 * here: its worry is the partner's later terms, which the partner's own discount already carries.
 */
export function commitment(v: PairView): number {
  return commitmentTerm(v.forecast, v.share, v.params.weight);
}

/** The commitment term from the share expected ahead and the share now. */
export function commitmentTerm(forecast: number, share: number, weight: number): number {
  const rise = forecast - share;
  return rise > 0 ? -weight * rise : 0;
}
