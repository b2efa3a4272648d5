/**
 * An establishment's full address as the 求人票 and the wizard show it: prefecture + municipality + the rest, without
 * doubling what an address typed with its prefecture or municipality (older rows, seeds) already has.
 */
export function fullAddress(prefecture: string, municipality: string | null, address: string): string {
  if (address.startsWith(prefecture)) return address;
  if (municipality && address.startsWith(municipality)) return `${prefecture}${address}`;
  return `${prefecture}${municipality ?? ""}${address}`;
}
