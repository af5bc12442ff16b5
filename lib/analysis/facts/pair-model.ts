/**
 * The learned combination of pairwise evidence (see `pairFeatures` in similarity.ts): a
 * logistic regression over [rule-based similarity, soft word overlap (smaller direction),
 * soft word overlap (larger direction)], fitted on the development sets' cross-report claim
 * pairs with both classes weighted equally. `threshold` is the probability at which the pair
 * F1 on those sets peaks; grouping links claims whose average probability reaches it.
 *
 * Written by `npm run -s train:facts -- --write`, which also prints each set's figures. Refit
 * when the features change; never by hand.
 */
export const PAIR_MODEL = {
  bias: -1.83,
  weights: [5.07, 3.63, 3.5],
  threshold: 0.65,
  trainedOn: ["rail (dev)","flood (dev)","facts-dev"],
} as const;
