import { z } from "@/lib/zod";

/** Item keys to mark read: the page sends one item's key, or every unread key it shows. */
export const markReadSchema = z.strictObject({
  keys: z.array(z.string().trim().min(1).max(200)).min(1).max(1000),
});
