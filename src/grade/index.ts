/** Grading against an answer key: the library side of `deriv grade`. */
export { loadKey, sha256, type AnswerKey, type KeyClaim, type KeyOptions, type KeyProblem } from './key.js';
export { matchClaim, type ClaimMatch, type MatchOptions, type MatchProblem, type StudentClaim } from './match.js';
export { gradeSubmission, ungradedResult, type GradeOptions } from './grade.js';
export { decode, readSubmission, MAX_FILE_BYTES, type Submission, type SubmissionFile, type SubmissionReader } from './submission.js';
export { roundPoints, seedFor, type ClaimFailure, type ClaimResult, type ClaimStatus, type FailureKind, type Place, type SubmissionResult } from './result.js';
export { toGradescope, type GradescopeOptions, type GradescopeResults, type GradescopeTest, type KeySummary } from './gradescope.js';
export { toPrairieLearn, type PrairieLearnResults, type PrairieLearnTest } from './prairielearn.js';
export { formatCsv, formatGradeJson, gradeRows, gradeSummary, type ClaimSummary, type GradeRow, type GradeSummary } from './table.js';
export { GRADE_FORMATS, type GradeFormat, type Visibility } from './options.js';
