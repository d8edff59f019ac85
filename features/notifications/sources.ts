import "server-only";
import { awardBatches } from "./sources/awards";
import { expiringCertificates } from "./sources/certificates";
import { quarterClose } from "./sources/quarter";
import { reviewQueue } from "./sources/review";
import type { NotificationSource } from "./types";

/**
 * Every source of 通知与待办, in the order the page lists them. A new source (records to review or returned, award
 * batches to approve or pay) is one function of this type and one line here.
 */
export const SOURCES: readonly NotificationSource[] = [reviewQueue, awardBatches, expiringCertificates, quarterClose];
