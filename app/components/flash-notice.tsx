/** The flash message of the last POST (app/utils/flash.server.ts), shown at the top of the page's content. */
const TONES = {
  success: "border-green-800 bg-green-50",
  info: "border-blue-900 bg-blue-50",
  warning: "border-yellow-700 bg-yellow-50",
} as const;

export function FlashNotice({ flash }: { flash: { message: string; tone: keyof typeof TONES } | null }) {
  if (!flash) return null;
  return (
    <p role="status" className={`mb-6 whitespace-pre-line rounded-8 border-l-4 p-4 text-dns-16B-130 ${TONES[flash.tone]}`} data-flash={flash.tone}>
      {flash.message}
    </p>
  );
}
