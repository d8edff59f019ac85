import type { Widen } from "../widen";

export const institutionsZh = {
  title: "institutions",
} as const;

export const institutionsEn: Widen<typeof institutionsZh> = {
  title: "institutions",
};
