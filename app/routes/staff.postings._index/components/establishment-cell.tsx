/** The 事業所 cell of the officer's posting tables: its name, then its 事業所番号 (or 未採番). */
export function EstablishmentCell({ name, number }: { name: string; number: string | null }) {
  return (
    <td className="break-all p-2">
      {name}
      <br />
      <span className="text-dns-14N-130">事業所番号 {number ?? "（未採番）"}</span>
    </td>
  );
}
