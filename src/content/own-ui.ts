/** The tag of the extension's own UI elements (result badges), whose text is never scanned. */
export const OWN_UI_TAG = 'markenlotse-result';
