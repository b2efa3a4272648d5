import { data } from "@remix-run/cloudflare";

/** Every unknown address is a Japanese 404 page (rendered by the root ErrorBoundary). */
export function loader() {
  throw data(null, { status: 404 });
}

export function action() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
