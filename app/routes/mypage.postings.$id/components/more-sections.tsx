/** その他の操作: print, 転用 and 更新求人 (R-JOB-5, posted to the 新しい求人 page), and deleting a draft. */
import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { Button, CheckboxField, FormErrors } from "../../../components/form";
import type { ActionData, Page } from "../route";
import { DELETE_CONFIRM, deleteSchema } from "../schema";
import { Refusal, useIntentForm } from "./parts";

export function MoreSection({ page }: { page: Page }) {
  const here = `/mypage/postings/${page.id}`;
  const { apply } = page.decisions;
  return (
    <section aria-labelledby="more-title" className="mb-10">
      <h2 id="more-title" className="mb-4 text-std-24B-150">
        その他の操作
      </h2>
      <p className="mb-4">
        <Link to={`${here}/print`}>求人票を印刷する</Link>
      </p>
      {apply.allowed ? (
        <div className="flex flex-wrap gap-4">
          {/* 転用 and 更新求人 are made by the 新しい求人 page's action (a new draft, then the wizard). */}
          <Form method="post" action="/mypage/postings/new">
            <input type="hidden" name="sourceId" value={page.id} />
            <Button variant="secondary" name="intent" value="copy">
              この求人を転用して新しい求人を作る
            </Button>
          </Form>
          {page.renewable ? (
            <Form method="post" action="/mypage/postings/new" data-renewal-open>
              <input type="hidden" name="sourceId" value={page.id} />
              <p className="mb-2 text-dns-16B-130">更新求人の申込みができます。</p>
              <Button variant="secondary" name="intent" value="renewal">
                この求人の更新求人を作る
              </Button>
            </Form>
          ) : null}
        </div>
      ) : (
        <Refusal reason={apply.reason} what="求人の転用" capability="postings.apply" />
      )}
    </section>
  );
}

export function DeleteSection({ page, result }: { page: Page; result: ActionData | undefined }) {
  const [deleteForm, deleteFields] = useIntentForm("delete", deleteSchema, result);
  if (page.status !== "draft") return null;
  const { apply } = page.decisions;
  return (
    <section aria-labelledby="delete-title" className="mb-10">
      <h2 id="delete-title" className="mb-4 text-std-24B-150">
        下書きの削除
      </h2>
      {apply.allowed ? (
        <Form method="post" {...getFormProps(deleteForm)} className="max-w-2xl">
          <FormErrors errors={deleteForm.errors} id={deleteForm.errorId} />
          <input type="hidden" name="intent" value="delete" />
          <CheckboxField meta={deleteFields.confirmDelete} label={`${DELETE_CONFIRM}。`} required />
          <Button variant="secondary">下書きを削除する</Button>
        </Form>
      ) : (
        <Refusal reason={apply.reason} what="下書きの削除" capability="postings.apply" />
      )}
    </section>
  );
}
