import type { Widen } from "../widen";

export const registryZh = {
  title: "registry",
} as const;

export const registryEn: Widen<typeof registryZh> = {
  title: "registry",
};
