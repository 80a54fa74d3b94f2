/** Where the app's own team answers (the accessibility statement and Help name it). */
export const APP_EMAIL = 'ligipaasetavus@minuriik.example';

/** The state helpline (Häirekeskus): day and night, in Estonian, Russian and English. */
export const HELPLINE = '1247';
