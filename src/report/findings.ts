import type { Range } from '../ast.js';
import type { Fix, RelatedNote, Severity } from '../diagnostics.js';
import { assignmentText, type Counterexample, type FileReport, type ShowResult, type StepResult, type Verdict } from '../result.js';
import { SourceFile } from '../source.js';

/** A 1-based place in a file; columns count code points. */
export interface Place { readonly line: number; readonly column: number }

/** What a reporter says about one diagnostic, step or show: shared by the text and gcc formats. */
export interface Finding {
  readonly kind: 'diagnostic' | 'step' | 'show';
  readonly severity: Severity;
  /** Where it is reported: a diagnostic's start, a step's relation, a show's line. */
  readonly at: Place;
  /** The range the code frame marks. */
  readonly range: Range;
  /** The short statement, e.g. `step does not follow: refuted`. */
  readonly title: string;
  /** Why: the step's or show's message; empty for diagnostics (their message is the title). */
  readonly reason: string;
  readonly counterexample: Counterexample | null;
  readonly notes: readonly RelatedNote[];
  /** A diagnostic's suggested fixes (`write p q`); empty otherwise. */
  readonly fixes: readonly Fix[];
  /** A step's or show's verdict; null for diagnostics. */
  readonly verdict: Verdict | null;
  /** Sampled points (steps; 0 otherwise). */
  readonly samples: number;
  /** A named show's label (`show "2.2"`); null otherwise (verdict lines then quote the source). */
  readonly label: string | null;
  /** True for proved and checked steps and shows: reported only on request. */
  readonly passing: boolean;
  /** An error step or show whose cause is a diagnostic already reported: no block or line of its own. */
  readonly secondary: boolean;
  /** Source offset used to order findings within a file. */
  readonly offset: number;
}

/** The mark shown before each verdict. */
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = {
  proved: '✓',
  checked: '≈',
  refuted: '✗',
  unknown: '?',
  error: '!',
};

/** True when a verdict counts as passed (proved or checked). */
export function passes(verdict: Verdict): boolean {
  return verdict === 'proved' || verdict === 'checked';
}

/** `checked (24 points)` for a checked step, the bare verdict otherwise. */
export function verdictLabel(verdict: Verdict, samples: number): string {
  return verdict === 'checked' && samples > 0 ? `checked (${samples} point${samples === 1 ? '' : 's'})` : verdict;
}

/** `show "2.2"`, or `show` for an unnamed one. */
function showLabel(show: ShowResult): string {
  return show.name === null ? 'show' : `show "${show.name}"`;
}

/** `β = 0.3, δ = 2, g_t = [1, 2]`. */
export function formatAssignments(cx: Counterexample): string {
  // (A point with nothing free, a limit refuted by a rule, says so rather than nothing.)
  return cx.assignments.map(([name, value]) => assignmentText(name, value)).join(', ') || '(no free names)';
}

/** Collapses line breaks so a message stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function stepFinding(source: SourceFile, step: StepResult): Finding {
  const { verdict } = step;
  const severity: Severity = passes(verdict) ? 'note' : verdict === 'unknown' ? 'warning' : 'error';
  const title =
    verdict === 'refuted' ? 'step does not follow: refuted'
    : verdict === 'unknown' ? 'step could not be checked'
    : verdict === 'error' ? 'step has an error'
    : `step ${verdictLabel(verdict, step.samples)}`;
  return {
    kind: 'step',
    severity,
    at: source.position(step.relRange[0]),
    range: [step.relRange[0], Math.max(step.relRange[0], step.range[1])],
    title,
    reason: step.message,
    counterexample: step.counterexample,
    notes: step.notes,
    fixes: [],
    verdict,
    samples: step.samples,
    label: null,
    passing: passes(verdict),
    secondary: step.secondary === true,
    offset: step.relRange[0],
  };
}

function showFinding(source: SourceFile, show: ShowResult): Finding {
  const { verdict } = show;
  const label = showLabel(show);
  const title =
    verdict === 'refuted' ? `${label} does not hold: refuted`
    : passes(verdict) ? `${label} ${verdict}`
    : `${label} is not established: ${verdict}`;
  return {
    kind: 'show',
    severity: passes(verdict) ? 'note' : verdict === 'unknown' ? 'warning' : 'error',
    at: source.position(show.range[0]),
    range: show.range,
    title,
    reason: show.message,
    counterexample: show.counterexample,
    notes: show.notes ?? [],
    fixes: [],
    verdict,
    samples: 0,
    label: show.name === null ? null : label,
    passing: passes(verdict),
    secondary: show.secondary === true,
    offset: show.range[0],
  };
}

const KIND_ORDER = { diagnostic: 0, show: 1, step: 2 } as const;

/** Every diagnostic, step and show of a file as findings, in source order. */
export function findingsOf(report: FileReport, source: SourceFile = new SourceFile(report.file, report.source)): Finding[] {
  const out: Finding[] = [
    ...report.diagnostics.map(
      (d): Finding => ({
        kind: 'diagnostic',
        severity: d.severity,
        at: source.position(d.range[0]),
        range: d.range,
        title: d.message,
        reason: '',
        counterexample: null,
        notes: d.notes,
        fixes: d.fixes ?? [],
        verdict: null,
        samples: 0,
        label: null,
        passing: false,
        secondary: false,
        offset: d.range[0],
      }),
    ),
    ...report.shows.map((s) => showFinding(source, s)),
    ...report.steps.map((s) => stepFinding(source, s)),
  ];
  // Array.prototype.sort is stable: equal places keep diagnostic, show, step order.
  return out.sort((a, b) => a.offset - b.offset || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

export { assignmentText };
