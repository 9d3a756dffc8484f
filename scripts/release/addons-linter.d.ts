// The part of addons-linter's API (its README, "Usage in another program")
// that scripts/release/amo-lint.ts uses; the package ships no types.
declare module 'addons-linter' {
  export interface LinterMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LinterOutput {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  export function createInstance(options: {
    config: Record<string, unknown> & { _: string[] };
    runAsBinary: boolean;
  }): { run(): Promise<LinterOutput> };
}
