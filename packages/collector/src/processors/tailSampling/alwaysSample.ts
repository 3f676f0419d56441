/** `always_sample`: samples every trace. */
import type { PolicyType } from './policy.js';

export const alwaysSamplePolicy: PolicyType = {
  type: 'always_sample',
  create: () => ({ evaluate: () => 'sampled' }),
};
