import type { Dim, Expr, MatrixTag, Name, Range, Shape } from '../ast.js';
import { printName } from '../print.js';

/** What a declared (or implicitly introduced) name is. */
export type SymbolKind = 'scalar' | 'integer' | 'vector' | 'matrix' | 'function';

export interface FunctionSignature {
  /** Shape of the argument(s): scalar for `R → R` (then it acts elementwise), a vector for `R^n → R`. */
  readonly params: readonly Shape[];
  readonly result: Shape;
  /** `R → R` functions apply elementwise to vectors and matrices. */
  readonly elementwise: boolean;
}

export interface SymbolInfo {
  /** The lookup key: a family's base (`v` for `v_t`), or the exact name (`x_0`). */
  readonly key: string;
  readonly kind: SymbolKind;
  readonly shape: Shape;
  /** Declared with an index variable (`vector g_t`): `g_{t-1}`, `g_i` are its members. */
  readonly family: boolean;
  readonly tags: ReadonlySet<MatrixTag>;
  readonly fn: FunctionSignature | null;
  /** Declared `random`: its facts (E[g_t] = μ …) live with the declaration. */
  readonly random: boolean;
  readonly iid: boolean;
  /** Not declared: a single letter taken as a scalar (or an index, when it is one). */
  readonly implicit: boolean;
  readonly range: Range;
}

export const SCALAR: Shape = { kind: 'scalar' };
export const ANY: Shape = { kind: 'any' };

/** A vector in R^n is n×1. */
export function vectorShape(n: Dim): Shape {
  return { kind: 'matrix', rows: n, cols: 1 };
}

/** The key of a name without its subscript: the family it belongs to. */
export function familyKey(n: Name): string {
  return !n.hat && !n.bar && n.primes === 0 ? n.base : printName({ ...n, index: null });
}

/**
 * The one name a subscript that is a label makes (LANGUAGE.md §1: a name declared with its
 * subscript is that name): `W_{hh}` and `W_hh` are the name `W_hh`, `W_h` the name `W_h`
 * with no index. Null where the subscript is not a word of letters and digits (`v_{t-1}`, `x_0`).
 */
export function labelName(n: Name): Name | null {
  const ix = n.index;
  if (!ix || ix.kind !== 'Var' || ix.name.index || ix.name.primes > 0 || ix.name.hat || ix.name.bar) return null;
  if (!/^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(ix.name.base)) return null;
  const stem = n.base + (n.hat ? '\u0302' : '') + (n.bar ? '\u0304' : '');
  return { base: `${stem}_${ix.name.base}`, index: null, primes: n.primes, hat: false, range: n.range };
}

/** Describes a shape the way a student reads it: `a vector in R^n`, `a matrix in R^{n×m}`. */
export function describeShape(s: Shape | undefined): string {
  if (!s || s.kind === 'any') return 'a value of any shape';
  if (s.kind === 'scalar') return 'a scalar';
  if (s.cols === 1) return `a vector in R^${dimText(s.rows)}`;
  if (s.rows === 1) return `a row vector (a transposed vector in R^${dimText(s.cols)})`;
  return `a matrix in R^{${s.rows}×${s.cols}}`;
}

function dimText(d: Dim): string {
  return String(d).length === 1 ? String(d) : `{${d}}`;
}

/**
 * The names visible at one point of a file: the file-level ones, then the current
 * section's, which shadow them and end at the next `section`. Single names (`x`, `x_0`,
 * `lr`) and families (`x_k`: the members `x_0`, `x_1`, …) live apart, so one letter may
 * name both (`vector x, x_k in R^n`).
 */
export class Scope {
  private readonly symbols = new Map<string, SymbolInfo>();
  private readonly families = new Map<string, SymbolInfo>();

  constructor(readonly parent: Scope | null = null) {}

  private mapOf(info: SymbolInfo): Map<string, SymbolInfo> {
    return info.family ? this.families : this.symbols;
  }

  /** Declares in this scope; returns false if it was already declared here. */
  declare(info: SymbolInfo): boolean {
    const map = this.mapOf(info);
    if (map.has(info.key)) return false;
    map.set(info.key, info);
    return true;
  }

  /** Replaces a declaration in this scope (used when a definition tells an implicit name's shape). */
  set(info: SymbolInfo): void {
    this.mapOf(info).set(info.key, info);
  }

  /** The symbol with exactly this key, innermost first: a single name, else a family. */
  get(key: string): SymbolInfo | undefined {
    return this.getSingle(key) ?? this.getFamily(key);
  }

  /** The single (non-family) name with this key, innermost first. */
  getSingle(key: string): SymbolInfo | undefined {
    return this.symbols.get(key) ?? this.parent?.getSingle(key);
  }

  /** The family with this key (`v` for `v_t`), innermost first. */
  getFamily(key: string): SymbolInfo | undefined {
    return this.families.get(key) ?? this.parent?.getFamily(key);
  }

  /** The symbol declared in this very scope (not a parent) under this key and kind of name. */
  own(key: string, family: boolean): SymbolInfo | undefined {
    return (family ? this.families : this.symbols).get(key);
  }

  /** Whether the key is declared in this very scope (not a parent). */
  hasOwn(key: string): boolean {
    return this.symbols.has(key) || this.families.has(key);
  }

  /**
   * What a name refers to: its exact key (`x_0`, `W_hh` for `W_{hh}`) if declared, else a member of its family
   * (`v` for `v_{t-1}`, the subscript as the member index). A component of a single vector
   * (`x_i`) is not a lookup: the resolver makes it a Component node.
   */
  lookup(n: Name): { info: SymbolInfo; index: Expr | null } | undefined {
    const label = labelName(n);
    const exact = this.getSingle(printName(n)) ?? (label ? this.getSingle(printName(label)) : undefined);
    if (exact) return { info: exact, index: null };
    if (n.index) {
      const fam = this.getFamily(familyKey(n));
      if (fam) return { info: fam, index: n.index };
    }
    return undefined;
  }

  /** Every symbol visible here, inner scopes shadowing outer ones. */
  all(): SymbolInfo[] {
    const out = new Map<string, SymbolInfo>();
    const chain: Scope[] = [];
    for (let s: Scope | null = this; s; s = s.parent) chain.unshift(s);
    for (const s of chain) {
      for (const [k, v] of s.symbols) out.set(`s:${k}`, v);
      for (const [k, v] of s.families) out.set(`f:${k}`, v);
    }
    return [...out.values()];
  }
}
