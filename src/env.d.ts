/** Set by the build (scripts/build.ts): which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';
