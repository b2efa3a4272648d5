/** The signed-in officer's bar on every protected staff page: who and where, the menu, sign-out. */
import { Form, Link } from "@remix-run/react";

export interface StaffIdentity {
  name: string;
  officeName: string;
  roleLabel: string;
}

export function StaffHeader({ staff }: { staff: StaffIdentity }) {
  return (
    <div className="mb-8 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-4">
        <p className="text-dns-16N-130">
          <span className="mr-2 inline-block rounded-8 bg-blue-900 px-2 py-1 text-dns-14B-130 text-white">職員用</span>
          <span className="mr-3">{staff.officeName}</span>
          {staff.name}（{staff.roleLabel}）
        </p>
        <Form method="post" action="/staff/logout">
          <button type="submit" className="rounded-8 border border-blue-900 bg-white px-4 py-2 text-dns-16B-130 text-blue-900 hover:bg-blue-50 hover:underline">
            ログアウト
          </button>
        </Form>
      </div>
      <nav aria-label="職員メニュー">
        <ul className="flex flex-wrap gap-4 text-dns-16N-130">
          <li>
            <Link to="/staff">職員メニュー</Link>
          </li>
          <li>
            <Link to="/staff/establishments">事業所一覧・登録</Link>
          </li>
          <li>
            <Link to="/staff/provisional">仮登録の確認</Link>
          </li>
          <li>
            <Link to="/staff/postings">求人の確認</Link>
          </li>
          <li>
            <Link to="/staff/seekers">求職者・紹介</Link>
          </li>
          <li>
            <Link to="/staff/backlog">選考結果の未登録</Link>
          </li>
          <li>
            <Link to="/staff/establishment-changes">事業所情報の変更</Link>
          </li>
          <li>
            <Link to="/staff/images">画像の審査</Link>
          </li>
          <li>
            <Link to="/staff/minimum-wages">最低賃金</Link>
          </li>
          <li>
            <Link to="/staff/audit">監査ログ</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
