/**
 * The 求人 models are in models/posting/ (queries, content, drafts, submission, review, extension, stop, expiry,
 * notify, view, pages, office). This module only keeps the import of utils/capabilities.server.ts working until that
 * module (rewritten elsewhere) imports hasValidPosting from models/posting/queries.server.ts; then delete it.
 */
export { hasValidPosting } from "./posting/queries.server";
