import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { LegalPage } from "../components/legal-page";
import { findVersion, PRIVACY } from "../content/legal";
import { loadLegalDocument } from "../utils/legal.server";

export const meta: MetaFunction = () => [{ title: `${PRIVACY.title} | 求人者マイページ` }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadLegalDocument(request, "privacy");
}

export default function PrivacyPage() {
  const { version } = useLoaderData<typeof loader>();
  return <LegalPage doc={PRIVACY} version={findVersion(PRIVACY, version)!} />;
}
