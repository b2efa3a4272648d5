import { data } from "@remix-run/cloudflare";
import { findVersion, LEGAL_DOCUMENTS, type LegalDocumentId } from "../content/legal";

/** Loader body for a legal page: the requested version (?version=) or the current one; 404 if unknown. */
export function loadLegalDocument(request: Request, id: LegalDocumentId) {
  const doc = LEGAL_DOCUMENTS[id];
  const version = findVersion(doc, new URL(request.url).searchParams.get("version"));
  if (!version) throw data(null, { status: 404 });
  return { id, version: version.version };
}
