import type { Widen } from "../widen";

export const incubatorsZh = {
  title: "incubators",
} as const;

export const incubatorsEn: Widen<typeof incubatorsZh> = {
  title: "incubators",
};
