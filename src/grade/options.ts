/** Options of `deriv grade` and their defaults (light: the CLI reads them without loading the checker). */

/** The output formats of `deriv grade`. */
export const GRADE_FORMATS = ['gradescope', 'prairielearn', 'csv', 'json'] as const;
/** One of GRADE_FORMATS. */
export type GradeFormat = (typeof GRADE_FORMATS)[number];

/** Who may see a Gradescope test. */
export const VISIBILITIES = ['visible', 'hidden', 'after_due_date', 'after_published'] as const;
/** One of VISIBILITIES. */
export type Visibility = (typeof VISIBILITIES)[number];

/** A submission's time limit, in milliseconds. */
export const DEFAULT_SUBMISSION_TIMEOUT_MS = 60_000;
/** Each grading worker's heap, in megabytes. */
export const DEFAULT_MEMORY_MB = 1024;
/**
 * A step's time limit when grading, in milliseconds: generous, because a step that runs out of
 * time costs the student points, and a busy machine or a cold start must never do that (the
 * submission's own limit still bounds the whole).
 */
export const DEFAULT_GRADE_STEP_TIMEOUT_MS = 10_000;
