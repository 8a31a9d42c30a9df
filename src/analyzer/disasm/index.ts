/** The disassembler's public face. iced-x86 loads only when one of these runs (see iced.ts). */
export { decodeAt, symbolic, type DisasmInstruction, type MemoryOperand, type Flow } from './instruction';
export { instructionLine } from './line';
export { effectiveAddress, effectiveAddressNote, type SegmentBase } from './effectiveAddress';
export { listForward, listBackward, listFunction, type Listing, type ListingEntry } from './listing';
export { currentInstructionLines } from './registerLine';
export { icedLoaded } from './iced';
