import type { Rule } from './rule';
import type { Problem } from '../problems';
import { show } from '../problems';

/** Minimum age, in days, before S3 lifecycle may move an object to these classes. */
const MIN_TRANSITION_DAYS: Record<string, number> = { STANDARD_IA: 30 };

/**
 * The log bucket's retention settings agree with each other: Object Lock never outlives the
 * lifecycle expiry (S3 could not expire a locked version), and the transition to colder storage
 * happens before expiry and no earlier than S3 allows.
 */
export const checkLoggingRetention: Rule = ({ logging }) => {
  const problems: Problem[] = [];
  const { retentionDays, objectLock, coldStorage } = logging;
  if (objectLock.enabled && objectLock.retentionDays > retentionDays) {
    problems.push({
      path: ['logging', 'objectLock', 'retentionDays'],
      message: `${show(objectLock.retentionDays)} days is longer than logging.retentionDays (${retentionDays}); locked versions could not expire: lower it to at most ${retentionDays} or raise logging.retentionDays`,
    });
  }
  if (coldStorage.afterDays >= retentionDays) {
    problems.push({
      path: ['logging', 'coldStorage', 'afterDays'],
      message: `${show(coldStorage.afterDays)} days is not before logging.retentionDays (${retentionDays}); objects would expire before moving to ${coldStorage.storageClass}: use fewer days than ${retentionDays}`,
    });
  }
  const minimum = MIN_TRANSITION_DAYS[coldStorage.storageClass];
  if (minimum !== undefined && coldStorage.afterDays < minimum) {
    problems.push({
      path: ['logging', 'coldStorage', 'afterDays'],
      message: `${show(coldStorage.afterDays)} days is too early for ${coldStorage.storageClass}; S3 moves objects there after at least ${minimum} days`,
    });
  }
  return problems;
};
