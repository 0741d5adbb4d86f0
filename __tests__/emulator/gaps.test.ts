import { EXAMPLES, exampleConfig } from '../harness/config';
import { synthLandingZone } from '../harness/synth';
import { offlineBrownfieldConfigs } from '../harness/emulator/brownfield';
import { entryLabel, entryMatches, importTargets, itemsOf } from '../harness/emulator/switches';
import { BROWNFIELD_SCENARIO } from './brownfield-scenario';
import { EMULATOR_GAPS } from './gaps';

// The gap list without moto: every entry names something the emulator runs synthesize (the examples,
// and the brownfield scenario for what only adopted resources show; an entry that matches nothing can
// never be re-checked by the emulator test), says what moto does, and cites AWS.
const synthesized = [...EXAMPLES.map((name) => exampleConfig(name)), offlineBrownfieldConfigs(BROWNFIELD_SCENARIO).config].map((config) => synthLandingZone(config));

describe.each(EMULATOR_GAPS.map((e) => [entryLabel(e), e] as const))('gap list entry %s', (_, entry) => {
  it('matches at least one resource of the examples', () => {
    const matches = synthesized.flatMap((lz) => Object.values(lz.json).flatMap((json) => [...itemsOf(json)].filter(([address, body]) => entryMatches(entry, address, body, importTargets(json)))));
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
