/**
 * The header row of a data table: one `<th scope="col">` per column, in order, so that every table of the portal
 * names its columns the same way for screen readers. A column given as `false` (a column the viewer does not get,
 * such as 操作 without the right) is left out.
 */
export function TableHead({ columns, rule = "strong" }: { columns: readonly (string | false)[]; rule?: "strong" | "light" }) {
  return (
    <thead>
      <tr className={rule === "strong" ? "border-b-2 border-solid-gray-600" : "border-b border-solid-gray-420"}>
        {columns.map((column) =>
          column === false ? null : (
            <th key={column} scope="col" className="p-2">
              {column}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
