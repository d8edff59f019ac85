// Client-safe: the import page checks the file size before sending it (the server checks again).
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
