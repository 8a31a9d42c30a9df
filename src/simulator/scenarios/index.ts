/** The scenarios `kdsim simulate --scenario` knows, by name. */
import type { Scenario } from '../kit/scenario';
import { gotStack } from './gotStack';
import { recursion } from './recursion';

export const SCENARIOS: readonly Scenario[] = [gotStack, recursion];

export const findScenario = (name: string): Scenario | undefined => SCENARIOS.find((s) => s.name === name);
