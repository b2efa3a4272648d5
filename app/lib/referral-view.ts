/**
 * What the referral pages (応募者, 紹介状, the officer's 紹介) show, as plain data: models/referral-view.server.ts builds
 * it, components/referral-parts.tsx and components/referral-letter.tsx render it. Types only, so that a model does not
 * import a component.
 */

export interface ShownItem {
  item: string;
  label: string;
  value: string;
}

export interface ShownSeeker {
  name: string;
  nameKana: string;
  age: number;
  /** 求職番号: only for the referring office's officer. */
  seekerNumber: string | null;
  items: ShownItem[];
}

export interface PlaceView {
  name: string;
  address: string;
  phone: string;
}

/** The result fields (referral_events before / after). */
export interface ResultValuesView {
  status: "screening" | "hired" | "rejected" | "declined";
  hireDate?: string | null;
  conditionsDiffer?: boolean | null;
  differences?: string[];
  differenceNote?: string;
  declinedOn?: string;
  note?: string;
}

export interface HistoryEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: string;
  after: string;
}

export interface ReferralPageView {
  id: string;
  version: string;
  status: ResultValuesView["status"];
  statusLabel: string;
  channel: string;
  seeker: ShownSeeker;
  /** The referring office's officer sees the seeker in full; everyone else what the seeker agreed to disclose. */
  fullSeeker: boolean;
  referredOn: string;
  days: number;
  overdue: boolean;
  interview: string | null;
  interviewPlace: string;
  note: string;
  posting: { id: string; jobNumber: string; jobTitle: string };
  establishment: PlaceView;
  office: PlaceView | null;
  jurisdictionOffice: PlaceView | null;
  result: { text: string; at: string | null; by: string | null; values: ResultValuesView };
  window: { open: boolean; lastDay: string | null; closedMessage: string | null };
  history: HistoryEntryView[];
}
