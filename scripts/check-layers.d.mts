// Types for scripts/check-layers.mjs (plain JS so `npm run check:layers` needs no compiler).
export interface LayerViolation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}
export declare function checkLayers(root: string): { filesChecked: number; violations: LayerViolation[] };
export declare function findImports(code: string): { specifier: string; line: number }[];
export declare function stripComments(code: string): string;
