import { EXAMPLES, exampleConfig } from '../harness/config';
import { synthLandingZone } from '../harness/synth';
import { entryLabel, entryMatches, itemsOf } from '../harness/emulator/switches';
import { EMULATOR_GAPS } from './gaps';

// The gap list without moto: every entry names something the examples synthesize (an entry that
// matches nothing can never be re-checked by the emulator test), says what moto does, and cites AWS.
const synthesized = EXAMPLES.map((name) => synthLandingZone(exampleConfig(name)));

describe.each(EMULATOR_GAPS.map((e) => [entryLabel(e), e] as const))('gap list entry %s', (_, entry) => {
  it('matches at least one resource of the examples', () => {
    const matches = synthesized.flatMap((lz) => Object.values(lz.json).flatMap((json) => [...itemsOf(json)].filter(([address, body]) => entryMatches(entry, address, body))));
    expect(matches.length).toBeGreaterThan(0);
    if (entry.withhold) {
      const { attribute, values } = entry.withhold;
      for (const [, body] of matches) expect(body[attribute]).toEqual(expect.arrayContaining([...values]));
    }
  });

  it('says what moto does and cites the AWS documentation', () => {
    expect(entry.moto.length).toBeGreaterThan(10);
    expect(entry.aws).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
  });
});
