/** What `middle-corridor/testing` says when fast-check, its optional peer, is not installed. */
export const FAST_CHECK_MISSING = 'middle-corridor/testing needs the package fast-check (an optional peer dependency): npm install -D fast-check';
