/**
 * What a scenario is: a named machine the simulator can crash, with its defaults. A scenario turns options into
 * the dump writer's input, the ground truth, and the loaded images (for the ISF files).
 */
import type { FullDump32Spec } from '../format/dumpWriter';
import type { BuiltModule } from './image/modules';

export interface ScenarioOptions {
  seed: number;
  ramBytes: number;
}

export interface SimulatedDump {
  spec: FullDump32Spec;
  /** JSON-ready ground truth (key order fixed, hex as 8 lowercase digits). */
  truth: Record<string, unknown>;
  modules: BuiltModule[];
}

export interface Scenario {
  name: string;
  summary: string;
  defaultSeed: number;
  defaultRamBytes: number;
  /** The machine needs at least this much RAM (its kernel and images sit at fixed physical addresses). */
  minRamBytes: number;
  build(options: ScenarioOptions): SimulatedDump;
}
