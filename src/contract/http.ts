/**
 * Every state-changing request from the app carries this header (with the app's own Origin): a cross-site
 * form can set neither, so the server refuses requests without it (CSRF).
 */
export const CSRF_HEADER = 'X-Minu-Riik';
export const CSRF_VALUE = '1';
