/** Parsed MASM expression; every node keeps the input position its text starts at (for error quotes). */
export type ExprNode =
  | { kind: 'number'; value: bigint; pos: number }
  | { kind: 'register'; name: string; pos: number }
  | { kind: 'pseudo'; name: string; pos: number }
  | { kind: 'symbol'; name: string; pos: number }
  | { kind: 'unary'; op: UnaryOp; operand: ExprNode; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; pos: number }
  /** `sel:offset` (`0030:00000040`, `fs:0x1c`): the linear address is the descriptor base plus the offset. */
  | { kind: 'segment'; selector: ExprNode; offset: ExprNode; pos: number };

export type UnaryOp = '-' | '+' | 'not' | 'hi' | 'low' | 'by' | 'wo' | 'dwo' | 'qwo' | 'poi';
export type BinaryOp =
  | '*' | '/' | 'mod' | '+' | '-' | '<<' | '>>' | '>>>'
  | '==' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'xor' | 'or';
