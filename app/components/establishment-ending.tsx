/**
 * The officer's 事業所の詳細: the sections 「退会」 (R-DEL-1: dates, and the link to restore within the 30 days) and
 * 「管轄の変更（移転）」 (R-DEL-3: the link to close the My Page, or the closing and its erasure date).
 */
import { Link } from "@remix-run/react";

export interface EndingFacts {
  id: string;
  withdrawal: { at: string; erasedFrom: string; restorableUntil: string; canRestore: boolean } | null;
  closed: { label: string; erasedFrom: string } | null;
  canRelocate: boolean;
}

export function EstablishmentEnding({ ending }: { ending: EndingFacts }) {
  const { id, withdrawal, closed, canRelocate } = ending;
  return (
    <>
      {withdrawal ? (
        <section aria-labelledby="withdrawal-title" className="mb-10">
          <h2 id="withdrawal-title" className="mb-4 text-std-24B-150">
            退会
          </h2>
          <p className="mb-2">{`${withdrawal.at}に事業主が退会の手続きをしました。${withdrawal.erasedFrom}以降に消去されます。`}</p>
          {withdrawal.canRestore ? (
            <>
              <p className="mb-4">{`${withdrawal.restorableUntil}までは、事業主からの申出により退会を取り消せます。`}</p>
              <p>
                <Link to={`/staff/establishments/${id}/withdrawal`}>退会を取り消す（マイページを復元）</Link>
              </p>
            </>
          ) : (
            <p>消去予定日を過ぎているため復元できません。</p>
          )}
        </section>
      ) : null}
      {closed || canRelocate ? (
        <section aria-labelledby="relocation-title" className="mb-10">
          <h2 id="relocation-title" className="mb-4 text-std-24B-150">
            管轄の変更（移転）
          </h2>
          {closed ? (
            <p data-closed>{`${closed.label}。${closed.erasedFrom}以降に消去されます。`}</p>
          ) : (
            <>
              <p className="mb-4">所在地の変更によりほかのハローワークの管轄となった場合は、この事業所の求人者マイページを閉鎖します。</p>
              <p>
                <Link to={`/staff/establishments/${id}/relocation`}>管轄の変更（移転）を記録する</Link>
              </p>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
