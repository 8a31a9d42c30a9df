/**
 * What a scenario is: a named crash the simulator can stage, with its defaults. The kit (machine.ts) builds the
 * generic machine; a scenario supplies its story — drivers with code, the crashing thread's stack and how the
 * thread dies — and turns the built machine into the dump writer's input, the ground truth and the loaded images
 * (for the ISF files). docs/simulator.md "A new scenario" lists the files to touch.
 */
import type { FullDump32Spec } from '../../format/dumpWriter';
import type { BuiltModule } from '../image/modules';
import type { BuildMechanics } from './buildMechanics';

/** A yes/no choice a scenario offers (`kdsim simulate --<name>` / `--no-<name>`). */
export interface ScenarioFlag {
  name: string;
  describe: string;
  /** Its value when the user does not give it: may depend on the seed (got-stack's blog values on seed 1). */
  defaultFor(seed: number): boolean;
}

export interface ScenarioOptions {
  seed: number;
  ramBytes: number;
  /** Every flag the scenario declares, resolved (given or defaulted). */
  flags: Record<string, boolean>;
  /** The Windows build the box runs (`simulate --build`): pass it to the kit's buildMachine. */
  mechanics: BuildMechanics;
}

export interface SimulatedDump {
  spec: FullDump32Spec;
  /** JSON-ready ground truth (key order fixed, hex as 8 lowercase digits). */
  truth: Record<string, unknown>;
  modules: BuiltModule[];
}

export interface Scenario {
  name: string;
  /** One line for `kdsim simulate --list`: the machine and what the crash teaches. */
  summary: string;
  defaultSeed: number;
  defaultRamBytes: number;
  /** The machine needs at least this much RAM (its kernel and images sit at fixed physical addresses). */
  minRamBytes: number;
  flags: readonly ScenarioFlag[];
  build(options: ScenarioOptions): SimulatedDump;
}

/** The flags' values: those given, the scenario's defaults for the rest (unknown names are the caller's to refuse). */
export function resolveFlags(sc: Scenario, seed: number, given: Record<string, boolean> = {}): Record<string, boolean> {
  return Object.fromEntries(sc.flags.map((f) => [f.name, given[f.name] ?? f.defaultFor(seed)]));
}
