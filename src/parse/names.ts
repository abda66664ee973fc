import { table } from '../table.js';
/** Spellings of letters: Greek names, variant glyphs and superscripts, all mapped to one form. */

/** ASCII / LaTeX names of Greek letters (`alpha`, `\alpha`) → the Unicode letter. */
export const GREEK_LETTERS: Readonly<Record<string, string>> = table({
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ',
  eta: 'η', theta: 'θ', vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν',
  xi: 'ξ', omicron: 'ο', pi: 'π', varpi: 'π', rho: 'ρ', varrho: 'ρ', sigma: 'σ', varsigma: 'σ',
  tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
});

/** Variant glyphs of one letter (ϵ and ε, µ the micro sign and μ) → the canonical letter. */
const VARIANT_GLYPHS: Readonly<Record<string, string>> = table({
  'ϵ': 'ε', 'ϑ': 'θ', 'ϕ': 'φ', 'ϱ': 'ρ', 'ς': 'σ', 'ϖ': 'π', 'µ': 'μ',
});

/** A single letter as written → its canonical form. */
export function normalizeLetter(letter: string): string {
  return VARIANT_GLYPHS[letter] ?? plainLetter(letter);
}

/**
 * A letter of Unicode's mathematical alphabets (𝑥 𝐱 𝒙 𝜃, U+1D400–U+1D7FF, as Word and PDFs
 * paste them) as the letter it styles: 𝑥 is x, not a second name beside it.
 */
function plainLetter(letter: string): string {
  const code = letter.codePointAt(0)!;
  // (ℎ, U+210E, is the italic h: the one letter the alphabet leaves out, kept among the
  // letterlike symbols.)
  return (code >= 0x1d400 && code <= 0x1d7ff) || code === 0x210e ? letter.normalize('NFKC') : letter;
}

/** The Greek letter a name spells (`theta`, `θ`, `ϑ`), or null. */
function greekLetter(text: string): string | null {
  if (GREEK_LETTERS[text] !== undefined) return GREEK_LETTERS[text];
  if ([...text].length === 1) return normalizeLetter(text);
  return null;
}

/**
 * A run of letters → a name's base: a letter or a Greek letter's name becomes the canonical
 * letter (`beta` → β, `ϵ` → ε),
 * `Δ`/`Delta` before one letter is the two-letter prefix name (`Δθ`, `Deltatheta`), and any
 * other word stays as written (the resolver decides whether it is known).
 */
export function normalizeWord(styled: string): string {
  const word = /[\u{1d400}-\u{1d7ff}\u210e]/u.test(styled) ? [...styled].map(plainLetter).join('') : styled;
  const greek = greekLetter(word);
  if (greek !== null) return greek;
  for (const prefix of ['Δ', 'Delta']) {
    if (word.startsWith(prefix) && word.length > prefix.length) {
      const rest = greekLetter(word.slice(prefix.length));
      if (rest !== null) return `Δ${rest}`;
    }
  }
  return word;
}

/** Unicode superscript characters → what they stand for (`²` → `2`, `ⁿ` → `n`). */
export const SUPERSCRIPTS: Readonly<Record<string, string>> = table({
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
  '⁺': '+', '⁻': '-', '⁽': '(', '⁾': ')',
  'ᵃ': 'a', 'ᵇ': 'b', 'ᶜ': 'c', 'ᵈ': 'd', 'ᵉ': 'e', 'ᶠ': 'f', 'ᵍ': 'g', 'ʰ': 'h', 'ⁱ': 'i',
  'ʲ': 'j', 'ᵏ': 'k', 'ˡ': 'l', 'ᵐ': 'm', 'ⁿ': 'n', 'ᵒ': 'o', 'ᵖ': 'p', 'ʳ': 'r', 'ˢ': 's',
  'ᵗ': 't', 'ᵘ': 'u', 'ᵛ': 'v', 'ʷ': 'w', 'ˣ': 'x', 'ʸ': 'y', 'ᶻ': 'z',
  'ᴬ': 'A', 'ᴮ': 'B', 'ᴰ': 'D', 'ᴱ': 'E', 'ᴳ': 'G', 'ᴴ': 'H', 'ᴵ': 'I', 'ᴶ': 'J', 'ᴷ': 'K',
  'ᴸ': 'L', 'ᴹ': 'M', 'ᴺ': 'N', 'ᴼ': 'O', 'ᴾ': 'P', 'ᴿ': 'R', 'ᵁ': 'U', 'ⱽ': 'V', 'ᵂ': 'W',
});

/** Superscript text → plain text, character by character (`⁻¹` → `-1`). */
export function fromSuperscript(text: string): string {
  return [...text].map((c) => SUPERSCRIPTS[c] ?? c).join('');
}

/** Unicode subscript characters → what they stand for (`₂` → `2`, `ₜ` → `t`). */
export const SUBSCRIPTS: Readonly<Record<string, string>> = table({
  '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
  '₊': '+', '₋': '-', '₍': '(', '₎': ')',
  'ₐ': 'a', 'ₑ': 'e', 'ₒ': 'o', 'ₓ': 'x', 'ₕ': 'h', 'ₖ': 'k', 'ₗ': 'l', 'ₘ': 'm', 'ₙ': 'n', 'ₚ': 'p',
  'ₛ': 's', 'ₜ': 't', 'ᵢ': 'i', 'ᵣ': 'r', 'ᵤ': 'u', 'ᵥ': 'v', 'ⱼ': 'j',
});

/** Subscript text → plain text, character by character (`₁₂` → `12`). */
export function fromSubscript(text: string): string {
  return [...text].map((c) => SUBSCRIPTS[c] ?? c).join('');
}
