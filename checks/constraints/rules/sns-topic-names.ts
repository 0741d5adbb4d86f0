import { verdict, type Evidence } from '../../checklist/types';
import { evidenceOf, find } from '../../checklist/resources';
import type { ConstraintRule } from '../types';
import { hasExpression } from '../sizes';

/** SNS CreateTopic: 1 to 256 ASCII letters, digits, hyphens and underscores; FIFO topics end in `.fifo`. */
export const snsTopicNames: ConstraintRule = {
  id: 'sns-topic-names',
  title: 'SNS topic names: 1-256 of [A-Za-z0-9_-], FIFO topics end in .fifo',
  sources: ['https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html'],
  check(ctx) {
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    for (const t of find(ctx, 'aws_sns_topic')) {
      const name = t.body.name;
      if (typeof name !== 'string' || hasExpression(name)) continue;
      const fifo = t.body.fifo_topic === true;
      const base = fifo ? name.replace(/\.fifo$/, '') : name;
      const at = `${t.stack}: aws_sns_topic.${t.name}: ${JSON.stringify(name)}`;
      if (fifo && !name.endsWith('.fifo')) problems.push(`${at} is a FIFO topic and must end in .fifo`);
      else if (!/^[A-Za-z0-9_-]+$/.test(base) || name.length > 256) problems.push(`${at} may hold only letters, digits, hyphens and underscores (1 to 256)`);
      else evidence.push(evidenceOf(t, name));
    }
    return verdict(evidence, problems);
  },
};
