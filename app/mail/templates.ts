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
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** Paragraphs of plain text; a line starting with "http" becomes a link in HTML. */
export type MailBody = string[];

/** Whose mail it is: the employer's 求人者マイページ (the default) or the seeker's 求職者マイページ (issue 12). */
export type MailService = "求人者マイページ" | "求職者マイページ";

const serviceLine = (service: MailService) => `ハローワークインターネットサービス ${service}`;

function footerLines(ctx: MailContext, service: MailService): string[] {
  return [
    "――――――――――――――――――――",
    "このメールは送信専用のアドレスから送信しています。返信はできません。",
    `迷惑メール対策をしている場合は「${ctx.fromAddress}」からのメールを受信できるよう設定してください。`,
    "お心当たりのない場合は、このメールを破棄してください。",
    serviceLine(service),
  ];
}

/** The mail with the common header and footer; `options.service` names the seeker's 求職者マイページ in a mail to a seeker. */
export function renderMail(ctx: MailContext, subject: string, body: MailBody, options: { service?: MailService } = {}): RenderedMail {
  const service = options.service ?? "求人者マイページ";
  const header = serviceLine(service);
  const text = [...body, "", ...footerLines(ctx, service)].join("\n");
  const htmlParagraphs = body
    .map((p) => {
      const escaped = escapeHtml(p).replaceAll("\n", "<br>");
      return /^https?:\/\//.test(p) ? `<p><a href="${escapeHtml(p)}">${escaped}</a></p>` : `<p>${escaped}</p>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.7; color: #1a1a1c;">
<p style="font-weight: bold;">${escapeHtml(header)}</p>
${htmlParagraphs}
<hr>
<p style="font-size: 0.875em;">${footerLines(ctx, service).slice(1).map(escapeHtml).join("<br>")}</p>
</body></html>`;
  return { subject: `【${service}】${subject}`, text, html };
}

/** renderMail's options for a mail to a seeker. */
const SEEKER = { service: "求職者マイページ" } as const;

function jstTime(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}時${pad(d.getUTCMinutes())}分`;
}

/** Templates by name. Later features add theirs here. */
export const mailTemplates = {
  /** Sent from the development outbox page to show the mail path working end to end. */
  test: (ctx: MailContext, data: { note: string }) =>
    renderMail(ctx, "テストメール", ["これは開発環境から送信したテストメールです。", data.note, `${ctx.origin}/`]),

  /** R-OPEN-4: パスワード登録 (counter path ②–④, and additional login accounts). */
  authKeyOpen: (ctx: MailContext, data: { key: string; expiresAt: number; establishmentName?: string }) =>
    renderMail(
      ctx,
      "認証キーのお知らせ（パスワード登録）",
      [
        "求人者マイページのパスワード登録のお申し込みを受け付けました。",
        data.establishmentName ? `事業所名：${data.establishmentName}` : "",
        `認証キー：${data.key}`,
        `有効期限：${jstTime(data.expiresAt)}まで（発行から30分間）`,
        "次の画面で、パスワードとこの認証キーを入力してください。",
        `${ctx.origin}/password-registration/complete`,
        "認証キーは1回だけ使えます。5回続けて間違えると無効になります。新しい認証キーを発行すると、以前の認証キーは使えなくなります。",
      ].filter(Boolean),
    ),

  /** R-AUTH-2: パスワードを忘れた方. */
  authKeyReset: (ctx: MailContext, data: { key: string; expiresAt: number }) =>
    renderMail(ctx, "認証キーのお知らせ（パスワード再登録）", [
      "パスワード再登録のお申し込みを受け付けました。",
      `認証キー：${data.key}`,
      `有効期限：${jstTime(data.expiresAt)}まで（発行から30分間）`,
      "次の画面で、新しいパスワードとこの認証キーを入力してください。",
      `${ctx.origin}/password-reset/complete`,
      "お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。",
    ]),

  /** R-OPEN-8: online 仮登録 account. */
  authKeySignup: (ctx: MailContext, data: { key: string; expiresAt: number }) =>
    renderMail(ctx, "認証キーのお知らせ（アカウント登録）", [
      "求人者マイページのアカウント登録（仮登録）のお申し込みを受け付けました。",
      `認証キー：${data.key}`,
      `有効期限：${jstTime(data.expiresAt)}まで（発行から30分間）`,
      "次の画面で、パスワードとこの認証キーを入力してください。",
      `${ctx.origin}/register/complete`,
    ]),

  /** R-AUTH-1: e-mail one-time code at sign-in. */
  loginCode: (ctx: MailContext, data: { code: string; expiresAt: number; service?: "求職者マイページ" }) =>
    renderMail(
      ctx,
      "ログイン用ワンタイムパスワード",
      [
        `${data.service ?? "求人者マイページ"}へのログイン用ワンタイムパスワードです。`,
        `ワンタイムパスワード：${data.code}`,
        `有効期限：${jstTime(data.expiresAt)}まで（発行から10分間）`,
        "ログインしようとしていない場合は、パスワードが他人に知られている可能性があります。パスワードを変更してください。",
      ],
      { service: data.service },
    ),

  /** Issue 12: 求職者マイページのパスワード登録 (the seeker's twin of authKeyOpen). */
  seekerAuthKeyOpen: (ctx: MailContext, data: { key: string; expiresAt: number }) =>
    renderMail(
      ctx,
      "認証キーのお知らせ（求職者マイページのパスワード登録）",
      [
        "求職者マイページのパスワード登録のお申し込みを受け付けました。",
        `認証キー：${data.key}`,
        `有効期限：${jstTime(data.expiresAt)}まで（発行から30分間）`,
        "次の画面で、パスワードとこの認証キーを入力してください。",
        `${ctx.origin}/seeker/password-registration/complete`,
        "認証キーは1回だけ使えます。5回続けて間違えると無効になります。新しい認証キーを発行すると、以前の認証キーは使えなくなります。",
      ],
      SEEKER,
    ),

  /** Issue 12: the seeker's マイページ is open. */
  seekerOpened: (ctx: MailContext, data: { name: string; officeName: string }) =>
    renderMail(
      ctx,
      "求職者マイページを開設しました",
      [
        `${data.name} 様`,
        "求職者マイページを開設しました。",
        `ご登録のハローワーク：${data.officeName}`,
        "ログインはこちらから。",
        `${ctx.origin}/seeker/login`,
      ],
      SEEKER,
    ),

  /** R-OPEN-6 / R-OPEN-8: the My Page is open. */
  myPageOpened: (ctx: MailContext, data: { establishmentName: string; establishmentNumber: string; officeName: string }) =>
    renderMail(ctx, "求人者マイページを開設しました", [
      `${data.establishmentName} 様`,
      "求人者マイページを開設しました。",
      `事業所番号：${data.establishmentNumber}`,
      `管轄のハローワーク：${data.officeName}`,
      "ログインはこちらから。",
      `${ctx.origin}/login`,
    ]),

  /** R-OPEN-8: 本登録 completed by the officer. */
  provisionalCompleted: (ctx: MailContext, data: { establishmentName: string; establishmentNumber: string; officeName: string }) =>
    renderMail(ctx, "本登録が完了し、求人者マイページを開設しました", [
      `${data.establishmentName} 様`,
      `${data.officeName}で本登録の手続きが完了し、求人者マイページを開設しました。`,
      `事業所番号：${data.establishmentNumber}`,
      "仮登録のときに登録したメールアドレスとパスワードでログインしてください。",
      `${ctx.origin}/login`,
    ]),

  /** R-OPEN-2: an additional login account was added by the main account. */
  accountAdded: (ctx: MailContext, data: { establishmentName: string; key: string; expiresAt: number }) =>
    renderMail(ctx, "ログインアカウントが追加されました", [
      `${data.establishmentName}の求人者マイページに、このメールアドレスがログインアカウントとして追加されました。`,
      `認証キー：${data.key}`,
      `有効期限：${jstTime(data.expiresAt)}まで（発行から30分間）`,
      "次の画面で、このメールアドレス、パスワード、認証キーを入力すると利用を開始できます。",
      `${ctx.origin}/password-registration/complete`,
      "有効期限が切れた場合は、「パスワード登録」から認証キーを発行し直してください。",
    ]),

  /**
   * R-OPEN-2, issue 9 #7: someone tried to add this address, already used by a login account, to an establishment's
   * My Page; nothing was created (the employer saw the same answer as for a free address).
   */
  accountAddRefused: (ctx: MailContext, data: { establishmentName: string }) =>
    renderMail(ctx, "ログインアカウントの追加について", [
      `${data.establishmentName}の求人者マイページで、このメールアドレスをログインアカウントとして追加する操作がありましたが、このメールアドレスはすでに求人者マイページのログインアカウントとして使われているため、追加していません。`,
      "1つのメールアドレスは、1つのログインアカウントにだけ使えます。追加を依頼した方には、別のメールアドレスをお伝えください。",
      "お心当たりのない場合は、このメールを破棄してください。",
    ]),

  /** R-AUTH-1: password changed (all other sessions were ended). */
  passwordChanged: (ctx: MailContext, data: { at: number }) =>
    renderMail(ctx, "パスワードが変更されました", [
      `${jstTime(data.at)}に、求人者マイページのパスワードが変更されました。`,
      "ほかの端末でのログインはすべて終了しました。",
      "お心当たりのない場合は、至急「パスワードを忘れた方」からパスワードを再登録し、管轄のハローワークにご連絡ください。",
      `${ctx.origin}/password-reset`,
    ]),

  /** R-AUTH-3 (issue 9 #1): wrong one-time codes locked the account's sign-in for a while. */
  secondFactorLocked: (ctx: MailContext, data: { at: number; until: number; service?: "求職者マイページ" }) =>
    renderMail(
      ctx,
      "ログインを一時停止しました",
      [
        `${jstTime(data.at)}に、${data.service ?? "求人者マイページ"}へのログインでワンタイムパスワードの誤りが続いたため、${jstTime(data.until)}までログインを停止しました。`,
        "ワンタイムパスワードの入力にはパスワードが必要です。お心当たりのない場合は、パスワードが他人に知られている可能性があります。",
        ...(data.service
          ? ["至急、ご登録のハローワークにご連絡ください。"]
          : [
              "至急「パスワードを忘れた方」からパスワードを再登録し、管轄のハローワークにご連絡ください。再登録すると、停止は解除されます。",
              `${ctx.origin}/password-reset`,
            ]),
      ],
      { service: data.service },
    ),

  /** R-AUTH-4 (issue 9 #1): to the supervisors of an office — an officer's TOTP codes were guessed wrong too often. */
  staffSecondFactorLocked: (ctx: MailContext, data: { staffName: string; staffEmail: string; at: number; until: number }) =>
    renderMail(ctx, "職員アカウントのログインを一時停止しました", [
      "統括職員の方へ",
      `${jstTime(data.at)}に、次の職員アカウントのログインで確認コード（認証アプリ）の誤りが続いたため、${jstTime(data.until)}までログインを停止しました。`,
      `職員：${data.staffName}（${data.staffEmail}）`,
      "確認コードの入力にはパスワードが必要です。本人に心当たりがない場合は、パスワードが他人に知られている可能性があります。本人に確認し、パスワードを変更させてください。",
    ]),

  /** R-IMG-2: an officer approved an image; it may now appear on published postings. */
  imageApproved: (ctx: MailContext, data: { establishmentName: string; caption: string }) =>
    renderMail(ctx, "画像が承認されました", [
      `${data.establishmentName} 様`,
      "登録された画像を、ハローワークが確認し承認しました。公開する求人票で使用できます。",
      `画像の説明：${data.caption}`,
      `${ctx.origin}/mypage/images`,
    ]),

  /** R-IMG-2: an officer sent an image back (差戻し) with a reason. */
  imageRejected: (ctx: MailContext, data: { establishmentName: string; caption: string; reason: string }) =>
    renderMail(ctx, "画像が差し戻されました", [
      `${data.establishmentName} 様`,
      "登録された画像を、ハローワークが確認し差し戻しました。この画像は公開されません。",
      `画像の説明：${data.caption}`,
      `差戻しの理由：${data.reason}`,
      "内容を確認のうえ、必要に応じて画像を削除し、別の画像を登録してください。",
      `${ctx.origin}/mypage/images`,
    ]),

  /** 事業所情報の変更: an officer approved the change; every posting now shows the new information. */
  establishmentChangeApproved: (ctx: MailContext, data: { establishmentName: string }) =>
    renderMail(ctx, "事業所情報の変更が承認されました", [
      `${data.establishmentName} 様`,
      "申請された事業所情報の変更を、ハローワークが確認し承認しました。求人票などには変更後の事業所情報が表示されます。",
      `${ctx.origin}/mypage/establishment`,
    ]),

  /** 事業所情報の変更: an officer returned the request (差戻し) with a comment. */
  establishmentChangeReturned: (ctx: MailContext, data: { establishmentName: string; comment: string }) =>
    renderMail(ctx, "事業所情報の変更が差し戻されました", [
      `${data.establishmentName} 様`,
      "申請された事業所情報の変更を、ハローワークが確認し差し戻しました。事業所情報は変更されていません。",
      `ハローワークからのコメント：${data.comment}`,
      "内容を確認のうえ、必要に応じて申請し直してください。",
      `${ctx.origin}/mypage/establishment`,
    ]),

  /** 求人 events (R-JOB-2…4): 受理, 修正依頼, 内容変更, 延長, 募集停止, 期限切れ — the same text as the My Page お知らせ. */
  postingNotice: (ctx: MailContext, data: { establishmentName: string; title: string; body: string; link: string }) =>
    renderMail(ctx, data.title, [
      `${data.establishmentName} 様`,
      ...data.body.split("\n"),
      "詳しくは求人者マイページでご確認ください。",
      `${ctx.origin}${data.link}`,
    ]),

  /**
   * The My Page as a whole (R-GATE-2…4): 利用不可 and its restoration, the backlog restriction and its lifting — the
   * same text as the お知らせ (rules/gates.ts), to every active login account; no link while the My Page cannot be used.
   */
  establishmentNotice: (ctx: MailContext, data: { establishmentName: string; title: string; body: string; link: string | null }) =>
    renderMail(ctx, data.title, [
      `${data.establishmentName} 様`,
      ...data.body.split("\n"),
      ...(data.link ? ["詳しくは求人者マイページでご確認ください。", `${ctx.origin}${data.link}`] : []),
    ]),

  /**
   * R-REF-1: an officer referred a job seeker to one of the establishment's postings. The office, 求人番号, 職種 and the
   * sign-in address only: nothing about the seeker (the applicant is seen on the My Page after signing in).
   */
  referralNotice: (
    ctx: MailContext,
    data: { establishmentName: string; officeName: string; jobNumber: string; jobTitle: string; /** 2026年11月26日 */ referredOn: string },
  ) =>
    renderMail(ctx, `${data.officeName}から求職者を紹介しました`, [
      `${data.establishmentName} 様`,
      `${data.officeName}から、次の求人に求職者を紹介しました。`,
      `求人番号：${data.jobNumber}`,
      `職種：${data.jobTitle}`,
      `紹介日：${data.referredOn}`,
      "応募者の情報は、求人者マイページにログインし、応募者管理でご確認ください。選考の結果は、求人者マイページから登録してください。",
      `${ctx.origin}/login`,
    ]),

  /**
   * R-SEARCH-2 (issue 12): a seeker answered a 直接リクエスト by applying online (オンライン自主応募). Like referralNotice,
   * nothing about the seeker: the posting and the sign-in address.
   */
  applicationNotice: (ctx: MailContext, data: { establishmentName: string; jobNumber: string; jobTitle: string; /** 2026年11月26日 */ appliedOn: string }) =>
    renderMail(ctx, "求職者からオンライン自主応募がありました", [
      `${data.establishmentName} 様`,
      "直接リクエストを送った求職者から、次の求人にオンライン自主応募がありました。",
      `求人番号：${data.jobNumber}`,
      `職種：${data.jobTitle}`,
      `応募日：${data.appliedOn}`,
      "応募者の情報は、求人者マイページにログインし、応募者管理でご確認ください。選考の結果は、求人者マイページから登録してください。",
      `${ctx.origin}/login`,
    ]),

  /**
   * R-SEARCH-2 (issue 12): a 求人者 sent the seeker a 直接リクエスト. That one arrived and where to see it: nothing of the
   * employer, the posting or the message (they are read on the 求職者マイページ after signing in).
   */
  directRequestNotice: (ctx: MailContext, _data: Record<string, never>) =>
    renderMail(
      ctx,
      "求人者から直接リクエストが届きました",
      [
        "求職者マイページに、求人者からの直接リクエスト（求人への応募のお誘い）が届きました。",
        "内容は、求職者マイページにログインしてご確認ください。応募するかどうかは、ご自身でお決めください。",
        `${ctx.origin}/seeker`,
      ],
      SEEKER,
    ),

  /**
   * R-MSG-1 (issue 12): a seeker wrote to the establishment. That a message arrived and where to read it, to every active
   * login account: never the text, nor who wrote it.
   */
  messageToEmployer: (ctx: MailContext, _data: Record<string, never>) =>
    renderMail(ctx, "求職者からメッセージが届きました", [
      "求人者マイページに、求職者からメッセージが届きました。",
      "内容は、求人者マイページにログインし、「メッセージ」でご確認ください。",
      `${ctx.origin}/mypage/messages`,
    ]),

  /** R-MSG-1 (issue 12): an establishment wrote to the seeker (a message or a 選考結果). Never the text. */
  messageToSeeker: (ctx: MailContext, _data: Record<string, never>) =>
    renderMail(
      ctx,
      "事業所からメッセージが届きました",
      [
        "求職者マイページに、事業所からメッセージが届きました。",
        "内容は、求職者マイページにログインし、「メッセージ」でご確認ください。",
        `${ctx.origin}/seeker/messages`,
      ],
      SEEKER,
    ),
} satisfies Record<string, (ctx: MailContext, data: never) => RenderedMail>;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateData<N extends MailTemplateName> = Parameters<(typeof mailTemplates)[N]>[1];
