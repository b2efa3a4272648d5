/**
 * 「印刷する」 and how to make a PDF (R-JOB-6). The button calls the browser's print once the page is hydrated; without
 * JavaScript the browser's own print command works the same, as the text says. Neither is printed.
 */
export function PrintControls() {
  return (
    <div className="mb-6 flex flex-wrap items-center gap-4 rounded-8 bg-solid-gray-50 p-4 print:hidden">
      <button
        type="button"
        onClick={() => window.print()}
        className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:bg-blue-1000 hover:underline"
      >
        印刷する
      </button>
      <p className="text-dns-16N-130">A4用紙に印刷できます。ブラウザの印刷機能で『PDFに保存』を選ぶとPDFになります。</p>
    </div>
  );
}
