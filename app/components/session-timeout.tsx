/**
 * The end of the session on a long form (issue 10, ADR 0017): the sentence that says until when the screen stays
 * open (works without JavaScript), and with JavaScript a dialog 5 minutes before that, whose button extends the
 * session through POST /mypage/keep-alive. KeptFormNotice says that the values shown are the ones typed before the
 * session ended and are not saved yet.
 */
import { useEffect, useRef, useState } from "react";
import { formatJstDateTime, formatJstTime } from "../lib/clock";

/** What the page's loader hands over (utils/kept-form.server.ts KeptFormPage). */
export interface SessionEnd {
  endsAt: number;
  now: number;
}

/** How long before the end the dialog opens. */
export const WARN_BEFORE_MS = 5 * 60_000;
const IDLE_MINUTES = 30;

type Phase = "open" | "warning" | "ended";

export function SessionTimeNotice({ end, keepAliveAction = "/mypage/keep-alive" }: { end: SessionEnd; keepAliveAction?: string }) {
  const [endsAt, setEndsAt] = useState(end.endsAt);
  const [phase, setPhase] = useState<Phase>("open");
  const [failed, setFailed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  // The browser's own clock: the server's "now" may differ from it (and is moved in development).
  const [deadline, setDeadline] = useState<number | null>(null);

  useEffect(() => {
    setEndsAt(end.endsAt);
    setDeadline(Date.now() + (end.endsAt - end.now));
    setPhase("open");
  }, [end.endsAt, end.now]);

  useEffect(() => {
    if (deadline === null) return;
    const left = deadline - Date.now();
    const warn = window.setTimeout(() => setPhase("warning"), Math.max(0, left - WARN_BEFORE_MS));
    const over = window.setTimeout(() => setPhase("ended"), Math.max(0, left));
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(over);
    };
  }, [deadline]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (phase !== "open" && !el.open) el.showModal?.();
    if (phase === "open" && el.open) el.close();
  }, [phase]);

  async function stay() {
    setFailed(false);
    try {
      const res = await fetch(keepAliveAction, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
      const body = (await res.json()) as { ok: boolean; endsAt?: number; now?: number };
      if (!res.ok || !body.ok || body.endsAt === undefined || body.now === undefined) {
        setPhase("ended");
        return;
      }
      setEndsAt(body.endsAt);
      setDeadline(Date.now() + (body.endsAt - body.now));
      setPhase("open");
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <p className="mb-6 text-dns-16N-130" data-session-end>
        {`この画面は最後の操作から${IDLE_MINUTES}分で自動的にログアウトします（${formatJstTime(endsAt)}まで）`}
      </p>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="session-end-title"
        aria-describedby="session-end-body"
        className="max-w-lg rounded-8 border-2 border-solid-gray-800 p-6 backdrop:bg-black/50"
        onCancel={(event) => {
          if (phase === "ended") return;
          event.preventDefault();
        }}
      >
        {phase === "ended" ? (
          <>
            <h2 id="session-end-title" className="mb-4 text-std-20B-150">
              ログインの有効時間が切れました
            </h2>
            <p id="session-end-body" className="mb-6">
              入力中の内容は、保存するボタンを押すと一時的に保管され、ログインし直すとこの画面に戻ります（2時間以内）。
            </p>
            <button
              type="button"
              autoFocus
              className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:underline"
              onClick={() => dialog.current?.close()}
            >
              閉じる
            </button>
          </>
        ) : (
          <>
            <h2 id="session-end-title" className="mb-4 text-std-20B-150">
              あと5分でログインの有効時間が切れます
            </h2>
            <p id="session-end-body" className="mb-6">
              {`${formatJstTime(endsAt)}を過ぎると自動的にログアウトします。ログインを続けるには、次のボタンを押してください（入力中の内容はそのまま残ります）。`}
            </p>
            {failed ? (
              <p role="alert" className="mb-4 text-red-900">
                通信できませんでした。もう一度押してください。
              </p>
            ) : null}
            <button
              type="button"
              autoFocus
              className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:underline"
              onClick={() => void stay()}
            >
              ログインを続ける
            </button>
          </>
        )}
      </dialog>
    </>
  );
}

/** The values typed before the session ended, shown again and not saved yet. */
export function KeptFormNotice({ kept, saveLabel }: { kept: { keptAt: number } | null; saveLabel: string }) {
  if (!kept) return null;
  return (
    <p role="status" className="mb-6 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4 text-dns-16B-130" data-kept-form>
      {`ログインの有効時間が切れたため、${formatJstDateTime(kept.keptAt)}に入力した内容を一時的に保管していました。その内容をこの画面に戻しましたが、まだ保存されていません。内容を確認して「${saveLabel}」を押してください。`}
    </p>
  );
}
