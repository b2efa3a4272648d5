/**
 * One screen of the 求人 of an online 仮登録 (R-OPEN-8, issue 10 #8, ADR 0016): the My Page's 8-screen wizard
 * (components/posting-step-form, the same screens, schemas and rules) over the registration's own draft
 * (models/provisional-posting.server.ts). 一時保存, 戻る and 次へ進む behave as on the My Page
 * (models/posting/wizard.server.ts runWizardStep): red findings stop 次へ進む beside their field, orange ones once;
 * screens cannot be skipped; after screen 8 the registrant is back on /provisional, which lists every finding.
 * The URL names no posting: an account reaches only the 求人 of its own unfinished 仮登録 (none: /provisional).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostingStepForm } from "../components/posting-step-form";
import type { WizardContext } from "../components/posting-steps/types";
import { fullAddress } from "../lib/address";
import type { StepActionData } from "../lib/posting-wizard";
import { stepFormValues, type StepNumber } from "../lib/schemas/posting";
import { parseContent } from "../models/posting/content.server";
import { runWizardStep } from "../models/posting/wizard.server";
import { provisionalFormValues } from "../models/provisional-employer.server";
import {
  getProvisionalPosting,
  provisionalMunicipalityOfAccount,
  provisionalPostingOfAccount,
  provisionalPrefectureCode,
  saveProvisionalStep,
} from "../models/provisional-posting.server";
import { prefectureName, reachedStep, stepAccess, STEPS } from "../rules/posting";
import { requireProvisionalAccount } from "../utils/auth.server";
import { readForm } from "../utils/body.server";
import { redirectWithFlash } from "../utils/flash.server";

const HOME = "/provisional";

function provisionalStepPath(step: number): string {
  return `/provisional/posting/step/${step}`;
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `${page ? STEPS[page.step - 1]!.title : "求人情報"} | 仮登録の求人情報 | 求人者マイページ` },
];

/** The screen asked for, if it is open (else the response: the screen reached). */
function openStep(posting: { draftStep: number }, raw: string | undefined): StepNumber {
  const access = stepAccess({ status: "draft", changeStatus: null, draftStep: posting.draftStep }, raw && /^[1-8]$/.test(raw) ? Number(raw) : null);
  if (!access.open) throw redirect(access.redirect === "page" ? HOME : provisionalStepPath(access.step), 303);
  return access.step as StepNumber;
}

/** The entered 事業所情報 as the wizard's 事業所 screen shows it; no images before 本登録 (R-IMG-2 needs an establishment). */
function wizardContext(entered: Record<string, string>, municipalityName: string | null): WizardContext {
  const prefectureCode = provisionalPrefectureCode(entered.municipalityCode);
  return {
    establishment: {
      name: entered.name ?? "",
      postalCode: entered.postalCode ?? "",
      address: fullAddress(prefectureName(prefectureCode), municipalityName, entered.address ?? ""),
      prefectureCode,
      phone: entered.phone ?? "",
      industry: entered.industry ?? "",
      representative: [entered.representativeTitle, entered.representativeName].filter(Boolean).join(" "),
    },
    images: [],
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { registration, reads } = await requireProvisionalAccount(request, context, {
    reads: ({ db, accountId }) => ({
      posting: provisionalPostingOfAccount(db, accountId),
      municipality: provisionalMunicipalityOfAccount(db, accountId),
    }),
  });
  const [posting] = reads.posting;
  if (!posting) throw redirect(HOME, 303);
  const step = openStep(posting, params.step);
  return {
    step,
    title: STEPS[step - 1]!.title,
    reached: reachedStep(posting),
    defaults: stepFormValues(step, parseContent(posting.content)),
    context: wizardContext(provisionalFormValues(registration), reads.municipality[0]?.name ?? null),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { db, clock, account, registration } = await requireProvisionalAccount(request, context);
  const scope = { accountId: account.id, registrationId: registration.id };
  const posting = await getProvisionalPosting(db, scope);
  if (!posting) throw redirect(HOME, 303);
  const step = openStep(posting, params.step);
  const prefectureCode = provisionalPrefectureCode(provisionalFormValues(registration).municipalityCode);
  const outcome = await runWizardStep(db, clock, {
    posting: { draftStep: posting.draftStep, validUntil: null },
    step,
    formData: await readForm(request),
    save: (patch, options) => saveProvisionalStep(db, clock, { ...scope, prefectureCode }, posting, step, patch, options),
  });
  switch (outcome.kind) {
    case "stopped":
      return data<StepActionData>(outcome.data, { status: outcome.status });
    case "lost":
      throw redirect(HOME, 303);
    case "saved":
      return outcome.intent === "back"
        ? redirect(provisionalStepPath(Math.max(1, step - 1)), 303)
        : redirectWithFlash(provisionalStepPath(step), "一時保存しました。続きは仮登録のページから再開できます。");
    case "passed":
      return step < 8
        ? redirect(provisionalStepPath(step + 1), 303)
        : redirectWithFlash(HOME, "求人情報を保存しました。入力内容の確認結果を確かめてください。");
  }
}

export default function ProvisionalPostingStep() {
  const page = useLoaderData<typeof loader>();
  // A fresh form per screen: Conform's state (and the last result) belongs to one screen.
  return <StepScreen key={page.step} />;
}

function StepScreen() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as StepActionData | undefined;
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to={HOME}>仮登録のページへ戻る</Link>
      </p>
      <p className="mb-1 text-std-16B-170 text-solid-gray-800">{`仮登録の求人情報（${page.step}/8）`}</p>
      <h1 className="mb-6 text-std-32B-150">{page.title}</h1>
      <PostingStepForm
        step={page.step}
        reached={page.reached}
        defaults={page.defaults}
        context={page.context}
        actionData={actionData}
        stepHref={provisionalStepPath}
        before={
          <p className="mb-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
            仮登録の求人情報です。公開されません。本登録の際に、ハローワークが事業所の登録と一緒に求人の申込みを受け付けます。
          </p>
        }
      />
    </>
  );
}
