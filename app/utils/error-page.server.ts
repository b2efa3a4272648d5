/**
 * The last-resort error page, served by the Worker itself when Remix cannot answer (and for a refused
 * cross-origin request). Japanese, no stack trace, no details.
 */
const MESSAGES: Record<number, { title: string; body: string }> = {
  403: {
    title: "この操作は受け付けられません",
    body: "別のサイトから送信された操作のため、受け付けませんでした。お手数ですが、求人者マイページの画面から操作をやり直してください。",
  },
  503: {
    title: "ただいまメンテナンス中です",
    body: "ログインと認証キーのメール送信を一時的に停止しています。ご迷惑をおかけしますが、時間をおいてもう一度お試しください。お急ぎの場合は、管轄のハローワークにお問い合わせください。",
  },
  500: {
    title: "ただいま処理できません",
    body: "システムで問題が発生したため、処理を完了できませんでした。入力した内容は保存されていない可能性があります。時間をおいて、もう一度お試しください。",
  },
};

export function errorPageHtml(status: 403 | 500 | 503): string {
  const m = MESSAGES[status]!;
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.title} | 求人者マイページ</title></head>
<body><main><h1>${m.title}</h1><p>${m.body}</p><p><a href="/">トップページへ戻る</a></p></main></body></html>`;
}
