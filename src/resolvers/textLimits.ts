/** Bounds on text inputs, so one request cannot push megabytes upstream. */
export const MAX_MESSAGE_LENGTH = 20_000;
export const MAX_TITLE_LENGTH = 500;
