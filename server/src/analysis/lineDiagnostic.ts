import type { Anchor } from '../syntax/tree';
import type { FixData, VppDiagnostic } from './diagnostic';

/**
 * A finding of one line whose offsets (and those of its fixes) follow the line's anchor, so that
 * the findings of the lines below an edit move without being made again.
 */
export class LineDiagnostic implements VppDiagnostic {
  readonly code: VppDiagnostic['code'];
  readonly message: string;
  severity: VppDiagnostic['severity'];
  readonly fixes?: FixData[];
  private readonly relStart: number;
  private readonly relEnd: number;

  constructor(
    d: VppDiagnostic,
    private readonly anchor: Anchor,
  ) {
    this.code = d.code;
    this.message = d.message;
    this.severity = d.severity;
    this.relStart = d.start - anchor.base;
    this.relEnd = d.end - anchor.base;
    this.fixes = d.fixes?.map((f) => anchoredFix(f, anchor));
  }

  get start(): number {
    return this.anchor.base + this.relStart;
  }

  get end(): number {
    return this.anchor.base + this.relEnd;
  }

  toJSON(): VppDiagnostic {
    return { code: this.code, message: this.message, start: this.start, end: this.end, severity: this.severity, fixes: this.fixes };
  }
}

/** A fix whose offsets follow the line's anchor. */
function anchoredFix(f: FixData, anchor: Anchor): FixData {
  switch (f.kind) {
    case 'replace':
      return f;
    case 'remove':
      return new LineRemoval(f, anchor);
    case 'rewrite':
      return new LineRewrite(f, anchor);
    case 'insert':
      return new LineInsertion(f, anchor);
  }
}

/** A span whose offsets follow the line's anchor. */
class AnchoredSpan {
  private readonly relStart: number;
  private readonly relEnd: number;

  constructor(
    f: { start: number; end: number },
    private readonly anchor: Anchor,
  ) {
    this.relStart = f.start - anchor.base;
    this.relEnd = f.end - anchor.base;
  }

  get start(): number {
    return this.anchor.base + this.relStart;
  }

  get end(): number {
    return this.anchor.base + this.relEnd;
  }
}

class LineRemoval extends AnchoredSpan {
  readonly kind = 'remove' as const;

  toJSON(): FixData {
    return { kind: this.kind, start: this.start, end: this.end };
  }
}

class LineRewrite extends AnchoredSpan {
  readonly kind = 'rewrite' as const;
  readonly text: string;
  readonly label: string;

  constructor(f: { start: number; end: number; text: string; label: string }, anchor: Anchor) {
    super(f, anchor);
    this.text = f.text;
    this.label = f.label;
  }

  toJSON(): FixData {
    return { kind: this.kind, start: this.start, end: this.end, text: this.text, label: this.label };
  }
}

class LineInsertion {
  readonly kind = 'insert' as const;
  readonly text: string;
  readonly label: string;
  readonly replaces?: number;
  private readonly rel: number;

  constructor(
    f: { offset: number; text: string; label: string; replaces?: number },
    private readonly anchor: Anchor,
  ) {
    this.rel = f.offset - anchor.base;
    this.text = f.text;
    this.label = f.label;
    this.replaces = f.replaces;
  }

  get offset(): number {
    return this.anchor.base + this.rel;
  }

  toJSON(): FixData {
    return { kind: this.kind, offset: this.offset, text: this.text, label: this.label, replaces: this.replaces };
  }
}
