// The one list of right-to-left languages: the element, its "Connecting…" page and the callback
// page all ask here (the callback ships on its own, so this module stays tiny).

/** Whether a language is written right to left. */
export const isRtl = (lang: string): boolean => /^(ar|he|fa|ur|ps|yi|dv|ckb)\b/i.test(lang);
