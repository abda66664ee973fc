// The compiled code imports the generated grammar bundle relative to itself: put it beside dist/src.
import { copyFileSync, mkdirSync } from 'node:fs';
mkdirSync('dist/grammar', { recursive: true });
copyFileSync('grammar/derivation.ohm-bundle.js', 'dist/grammar/derivation.ohm-bundle.js');
