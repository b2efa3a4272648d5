/** The 登録コード form of the first authenticator set-up (issue 9 #4), shared by browser and server. */
import { z } from "zod";

export const enrolSchema = z.object({
  intent: z.literal("enrol"),
  enrolmentCode: z.string({ error: "登録コードを入力してください。" }).max(40, { error: "登録コードは、統括職員から受け取った12桁の数字で入力してください。" }),
  redirectTo: z.string().optional(),
});
