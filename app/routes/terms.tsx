import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { LegalPage } from "../components/legal-page";
import { findVersion, TERMS } from "../content/legal";
import { loadLegalDocument } from "../utils/legal.server";

export const meta: MetaFunction = () => [{ title: `${TERMS.title} | 求人者マイページ` }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadLegalDocument(request, "terms");
}

export default function TermsPage() {
  const { version } = useLoaderData<typeof loader>();
  return <LegalPage doc={TERMS} version={findVersion(TERMS, version)!} />;
}
