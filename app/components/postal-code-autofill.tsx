/**
 * 住所の自動入力 (issue 10; ADR 0018): placed right after a form's 郵便番号 field, it looks a complete code up at
 * /api/postal-codes/:code and fills 都道府県, 市区町村 and 町域 into the fields it is given, then says what it did in a
 * live region (and, on the establishment forms, which office has jurisdiction: 管轄). Rules:
 * - a field is filled only while it is empty or untouched: once the user has typed into it (or chosen) after the page
 *   loaded or after the last fill, a later code never overwrites it;
 * - an address that already starts with the town is kept (「今市1-2-3」 stays when 今市 comes back);
 * - editing the code the form already had into the same code changes nothing (erasing it and typing it again looks
 *   it up);
 * - focus never moves; everything works from the keyboard, and nothing is needed: without JavaScript the component
 *   renders an empty status line and the fields are typed by hand.
 */
import { useEffect, useState } from "react";
import { postalCodeDigits } from "../lib/normalize";

interface FieldRef {
  id: string;
}

interface Address {
  prefectureCode: string;
  prefecture: string;
  municipalityCode: string;
  municipality: string;
  town: string;
  office: { code: string; name: string } | null;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Sets a control's value as if chosen, so that the form library (Conform) sees the change. */
function setValue(el: Control, value: string) {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

function hasOption(el: Control, value: string): boolean {
  return el instanceof HTMLSelectElement ? [...el.options].some((o) => o.value === value) : true;
}

export function PostalCodeAutofill({
  postalCode,
  prefecture,
  municipality,
  address,
  municipalityInAddress = false,
  proposeOffice = false,
}: {
  /** The 郵便番号 input. */
  postalCode: FieldRef;
  /** A select whose values are prefecture codes ("09"). */
  prefecture?: FieldRef;
  /** A select whose values are municipality codes ("09206"). */
  municipality?: FieldRef;
  /** The address text: gets the 町域 (and the 市区町村 before it with `municipalityInAddress`). */
  address: FieldRef;
  municipalityInAddress?: boolean;
  /** Say which office has jurisdiction (the establishment forms). */
  proposeOffice?: boolean;
}) {
  const [message, setMessage] = useState("");
  const ids = [postalCode.id, prefecture?.id, municipality?.id, address.id].join(" ");

  useEffect(() => {
    const get = (ref?: FieldRef) => (ref ? (document.getElementById(ref.id) as Control | null) : null);
    const input = get(postalCode);
    if (!input) return;
    const targets = { prefecture: get(prefecture), municipality: get(municipality), address: get(address) };
    const touched = new Set<Control>();
    // Only the user's own edits count (the events dispatched by setValue are not trusted).
    const markTouched = (e: Event) => {
      if (e.isTrusted) touched.add(e.target as Control);
    };
    const controls = Object.values(targets).filter((el): el is Control => el !== null);
    for (const el of controls) {
      el.addEventListener("input", markTouched);
      el.addEventListener("change", markTouched);
    }
    let lastCode = postalCodeDigits(input.value);
    let pending: AbortController | null = null;

    const fill = (el: Control | null, value: string): boolean => {
      if (!el || value === "" || !hasOption(el, value)) return false;
      if (touched.has(el) && el.value !== "") return false;
      if (el.value !== value) setValue(el, value);
      touched.delete(el);
      return true;
    };

    const apply = (postal: string, addresses: Address[]) => {
      const first = addresses[0]!;
      const oneMunicipality = addresses.every((a) => a.municipalityCode === first.municipalityCode);
      const town = addresses.length === 1 ? first.town : "";
      const found = `〒${postal}：${first.prefecture}${oneMunicipality ? first.municipality : ""}${town}`;
      const parts: string[] = [];
      fill(targets.prefecture, first.prefectureCode);
      const municipalityListed = !targets.municipality || !oneMunicipality || hasOption(targets.municipality, first.municipalityCode);
      if (oneMunicipality) fill(targets.municipality, first.municipalityCode);
      const text = `${municipalityInAddress && oneMunicipality ? first.municipality : ""}${town}`;
      const addressEl = targets.address;
      if (addressEl && text !== "" && !addressEl.value.startsWith(text)) fill(addressEl, text);
      parts.push(`${found}。`);
      if (!municipalityListed) parts.push(`${first.municipality}はこのフォームの市区町村の一覧にありません。`);
      if (addresses.length > 1) parts.push("この郵便番号には複数の町域があります。");
      parts.push("番地などを続けて入力してください。");
      if (proposeOffice && oneMunicipality) {
        parts.push(first.office ? `管轄のハローワークは${first.office.name}です。` : "この市区町村を管轄するハローワークは、この一覧にはありません。");
      }
      setMessage(parts.join(""));
    };

    const onInput = () => {
      // A code erased and typed again is looked up again, even if it is the one the form had.
      if (input.value.trim() === "") lastCode = null;
      const digits = postalCodeDigits(input.value);
      if (!digits || digits === lastCode) return;
      lastCode = digits;
      pending?.abort();
      const controller = (pending = new AbortController());
      fetch(`/api/postal-codes/${digits}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(async (res) => {
          const body = (await res.json()) as { postalCode?: string; addresses?: Address[]; error?: string };
          if (controller.signal.aborted) return;
          if (res.ok && body.postalCode && body.addresses?.length) apply(body.postalCode, body.addresses);
          else setMessage(body.error ?? "この郵便番号の住所は見つかりませんでした。住所を入力してください。");
        })
        .catch(() => {
          if (!controller.signal.aborted) setMessage("住所を自動で入力できませんでした。住所を入力してください。");
        });
    };
    input.addEventListener("input", onInput);
    return () => {
      pending?.abort();
      input.removeEventListener("input", onInput);
      for (const el of controls) {
        el.removeEventListener("input", markTouched);
        el.removeEventListener("change", markTouched);
      }
    };
    // The ids identify the fields (the field objects are new on every render).
  }, [ids, municipalityInAddress, proposeOffice]);

  return (
    <p role="status" aria-live="polite" data-postal-autofill className={message ? "-mt-4 mb-6 text-dns-16N-130 text-solid-gray-800" : "sr-only"}>
      {message}
    </p>
  );
}
