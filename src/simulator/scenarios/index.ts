/** The scenarios `kdsim simulate --scenario` knows, by name. */
import type { Scenario } from '../kit/scenario';
import { gotStack } from './gotStack';
import { filterPileup } from './filterPileup';
import { fpoChain } from './fpoChain';
import { largeLocals } from './largeLocals';
import { recursion } from './recursion';

export const SCENARIOS: readonly Scenario[] = [gotStack, recursion, filterPileup, largeLocals, fpoChain];

export const findScenario = (name: string): Scenario | undefined => SCENARIOS.find((s) => s.name === name);
