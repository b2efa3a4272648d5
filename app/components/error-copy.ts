/** Error-page copy shared by the root ErrorBoundary and the routes' own boundaries. */

/** 413: a request body over its route's limit (app/utils/body.server.ts, issue 9 #12). */
export const TOO_LARGE_COPY = {
  title: "送信された内容が大きすぎます",
  body: "送信された内容が受け付けられる大きさを超えていたため、処理しませんでした。入力した内容を短くするか、2MB以下の画像を選んで、もう一度お試しください。",
} as const;
