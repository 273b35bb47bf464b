// Configuration read at build time from Vite's env (see .env): where the API and the notes live.

/** The talkgraph GraphQL endpoint. */
export const API_URL: string = import.meta.env.VITE_API_URL || 'http://localhost:4000/graphql';

/** Base URL of the notes' source files, so evidence can link to a file and line; empty for none. */
export const SOURCE_BASE_URL: string = import.meta.env.VITE_SOURCE_BASE_URL || '';

/** Talks per page on the talks list. */
export const PAGE_SIZE = 10;
