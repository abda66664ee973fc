import type { Diagnostic, Fix } from '../diagnostics.js';

/** The quick fixes a diagnostic offers: its own `fixes` (the front end attaches them, e.g. `write a b`). */
export function fixesOf(d: Diagnostic): readonly Fix[] {
  return d.fixes ?? [];
}
