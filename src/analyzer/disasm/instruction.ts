/**
 * One x86 instruction decoded from a dump's memory, as a model: its bytes (or none, when the code is
 * unreadable), WinDbg's mnemonic and operand text, where control goes next, and its memory operand (for the
 * register display's effective-address note). Operand text gets WinDbg's symbol forms:
 * `nt!KeBugCheckEx (80826c8e)` for branch targets, `dword ptr [nt!_imp__X (8080a0b0)]`, `offset nt!Y (…)`.
 */
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import { hex8 } from '../../common/hex';
import { iced, masmFormatter } from './iced';
import { decodeSmall, type RawInstruction, type RawOperand } from './smallDecoder';

/** How control leaves the instruction (for `uf` and the call-site checks). */
export type Flow = 'next' | 'branch' | 'condBranch' | 'indirectBranch' | 'call' | 'indirectCall' | 'return' | 'interrupt' | 'invalid';

export interface MemoryOperand {
  /** Segment register used: 'ss' for esp/ebp bases, 'ds' otherwise, or the prefix's ('fs'). */
  segment: string;
  base?: string;
  index?: string;
  scale: number;
  displacement: number;
  /** Operand size in bytes (4 for `dword ptr`); 0 when the formatter gave no size. */
  size: number;
}

export interface DisasmInstruction {
  address: number;
  /** The instruction's bytes; null when the code at `address` is unreadable (WinDbg prints `??` / `???`). */
  bytes: number[] | null;
  /** Bytes consumed (1 for unreadable or invalid code, so a listing can move on). */
  length: number;
  mnemonic: string;
  operands: string;
  flow: Flow;
  /** Direct branch or call target. */
  target?: number;
  memory?: MemoryOperand;
}

const MAX_INSTRUCTION = 15;
const FLOWS: Flow[] = ['next', 'branch', 'indirectBranch', 'condBranch', 'return', 'call', 'indirectCall', 'interrupt', 'next', 'invalid'];
const SIZES: Record<string, number> = { byte: 1, word: 2, dword: 4, fword: 6, qword: 8, tbyte: 10, xmmword: 16 };

/**
 * Decodes the instruction at `address` (32-bit mode). Never throws for bad or missing code. The everyday
 * encodings go through smallDecoder.ts; iced-x86 (and its WebAssembly) loads only for the rest.
 */
export function decodeAt(vm: VirtualMemory, symbols: SymbolResolverApi | undefined, address: number): DisasmInstruction {
  address >>>= 0;
  const sparse = vm.readSparse(address, MAX_INSTRUCTION);
  let avail = 0;
  while (avail < MAX_INSTRUCTION && sparse.readable[avail]) avail++;
  if (avail === 0) return { address, bytes: null, length: 1, mnemonic: '???', operands: '', flow: 'invalid' };
  const code = sparse.bytes.subarray(0, avail);
  const raw = decodeSmall(code, address) ?? decodeIced(code, address);
  if (raw === undefined) {
    // Truncated by unreadable memory or not an opcode: WinDbg shows the first byte and `???`.
    return { address, bytes: [sparse.bytes[0]], length: 1, mnemonic: '???', operands: '', flow: 'invalid' };
  }
  let memory: MemoryOperand | undefined;
  const ops = raw.operands.map((op) => {
    switch (op.kind) {
      case 'branch': return symbolic(symbols, op.target) ?? hex8(op.target);
      case 'memory': memory = op.memory; return memoryText(symbols, op.memory, op.text);
      case 'immediate32': return symbols?.lookup(op.value)?.symbol ? `offset ${symbolic(symbols, op.value >>> 0)}` : op.text;
      default: return op.text;
    }
  });
  return {
    address, bytes: Array.from(code.subarray(0, raw.length)), length: raw.length,
    mnemonic: raw.mnemonic, operands: ops.join(','), flow: raw.flow, target: raw.target,
    memory: raw.mnemonic === 'lea' ? undefined : memory,
  };
}

/** iced-x86's decode and MASM text, as operands the caller symbolizes; undefined for invalid code. */
export function decodeIced(code: Uint8Array, address: number): RawInstruction | undefined {
  const ic = iced();
  const decoder = new ic.Decoder(32, code, ic.DecoderOptions.None);
  decoder.ip = BigInt(address);
  const ins = decoder.decode();
  try {
    if (ins.isInvalid) return undefined;
    const f = masmFormatter();
    const flow = FLOWS[ins.flowControl] ?? 'next';
    const direct = flow === 'branch' || flow === 'condBranch' || flow === 'call';
    const target = direct && ins.opKind(0) === ic.OpKind.NearBranch32 ? ins.nearBranch32 >>> 0 : undefined;
    const operands: RawOperand[] = [];
    for (let k = 0; k < f.operandCount(ins); k++) {
      const op = f.getInstructionOperand(ins, k);
      const text = f.formatOperand(ins, k);
      const kind = op === undefined ? undefined : ins.opKind(op);
      if (kind === ic.OpKind.NearBranch32 || kind === ic.OpKind.NearBranch16) {
        operands.push({ kind: 'branch', text, target: ins.nearBranch32 >>> 0 });
      } else if (kind === ic.OpKind.Memory) {
        operands.push({ kind: 'memory', text, memory: memoryOperand(ins, f, text) });
      } else if (kind === ic.OpKind.Immediate32) {
        operands.push({ kind: 'immediate32', text, value: ins.immediate32 >>> 0 });
      } else {
        operands.push({ kind: kind === ic.OpKind.Register ? 'register' : 'immediate', text });
      }
    }
    return { length: ins.length, mnemonic: f.formatMnemonic(ins), operands, flow, target };
  } finally {
    ins.free();
    decoder.free();
  }
}

/** `nt!KeBugCheckEx (80826c8e)`, or undefined outside any module. */
export function symbolic(symbols: SymbolResolverApi | undefined, addr: number): string | undefined {
  const name = symbols?.format(addr);
  return name === undefined ? undefined : `${name} (${hex8(addr)})`;
}

function memoryOperand(ins: import('iced-x86').Instruction, f: import('iced-x86').Formatter, text: string): MemoryOperand {
  const ic = iced();
  const reg = (r: number) => (r === ic.Register.None ? undefined : f.formatRegister(r));
  const sizeWord = /^(\w+) ptr /.exec(text)?.[1];
  return {
    segment: f.formatRegister(ins.memorySegment),
    base: reg(ins.memoryBase),
    index: reg(ins.memoryIndex),
    scale: ins.memoryIndexScale,
    displacement: Number(ins.memoryDisplacement & 0xffffffffn),
    size: (sizeWord && SIZES[sizeWord]) || 0,
  };
}

/**
 * WinDbg's forms of an absolute address operand: with a symbol `dword ptr [nt!X (8088a000)]` (or
 * `nt!T (80801000)[eax*4]` with an index); without, all eight digits `dword ptr fs:[00000124h]`.
 */
function memoryText(symbols: SymbolResolverApi | undefined, m: MemoryOperand, text: string): string {
  if (m.base) return text;
  const size = /^(\w+ ptr )/.exec(text)?.[1] ?? '';
  const seg = /(\w\w):\[/.exec(text)?.[1];
  const sym = symbols?.lookup(m.displacement)?.symbol ? symbolic(symbols, m.displacement) : undefined;
  const indexPart = m.index ? `[${m.index}${m.scale > 1 ? `*${m.scale}` : ''}]` : '';
  if (sym) return m.index ? `${size}${sym}${indexPart}` : `${size}[${sym}]`;
  if (m.index) return text;
  const prefix = seg ? `${seg}:` : '';
  return `${size}${prefix}[${hex8(m.displacement).toUpperCase()}h]`;
}
