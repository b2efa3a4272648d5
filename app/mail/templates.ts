/**
 * System mail templates: Japanese, plain text and HTML. Each template is a function of its data;
 * `renderMail` wraps the body in the common header and footer.
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  /** The site's origin, for links (e.g. https://mypage.example.jp). */
  origin: string;
  /** The sender address users are asked to allow (R-OPEN-9). */
  fromAddress: string;
}

export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Paragraphs of plain text; a line starting with "http" becomes a link in HTML. */
export type MailBody = string[];

const SERVICE = "ハローワークインターネットサービス 求人者マイページ";

function footerLines(ctx: MailContext): string[] {
  return [
    "――――――――――――――――――――",
    "このメールは送信専用のアドレスから送信しています。返信はできません。",
    `迷惑メール対策をしている場合は「${ctx.fromAddress}」からのメールを受信できるよう設定してください。`,
    "お心当たりのない場合は、このメールを破棄してください。",
    SERVICE,
  ];
}

export function renderMail(ctx: MailContext, subject: string, body: MailBody): RenderedMail {
  const text = [...body, "", ...footerLines(ctx)].join("\n");
  const htmlParagraphs = body
    .map((p) => {
      const escaped = escapeHtml(p).replaceAll("\n", "<br>");
      return /^https?:\/\//.test(p) ? `<p><a href="${escapeHtml(p)}">${escaped}</a></p>` : `<p>${escaped}</p>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.7; color: #1a1a1c;">
<p style="font-weight: bold;">${escapeHtml(SERVICE)}</p>
${htmlParagraphs}
<hr>
<p style="font-size: 0.875em;">${footerLines(ctx).slice(1).map(escapeHtml).join("<br>")}</p>
</body></html>`;
  return { subject: `【${SERVICE.split(" ")[1]}】${subject}`, text, html };
}

/** Templates by name. Later features add theirs here. */
export const mailTemplates = {
  /** Sent from the development outbox page to show the mail path working end to end. */
  test: (ctx: MailContext, data: { note: string }) =>
    renderMail(ctx, "テストメール", ["これは開発環境から送信したテストメールです。", data.note, `${ctx.origin}/`]),
} satisfies Record<string, (ctx: MailContext, data: never) => RenderedMail>;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateData<N extends MailTemplateName> = Parameters<(typeof mailTemplates)[N]>[1];
