import type { Widen } from "../widen";

export const enterprisesZh = {
  title: "enterprises",
} as const;

export const enterprisesEn: Widen<typeof enterprisesZh> = {
  title: "enterprises",
};
