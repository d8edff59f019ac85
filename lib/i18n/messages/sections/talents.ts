import type { Widen } from "../widen";

export const talentsZh = {
  title: "talents",
} as const;

export const talentsEn: Widen<typeof talentsZh> = {
  title: "talents",
};
