// The production build is reused while it matches the checked-out commit (and the tree is clean); shared by
// `npm start` and `npm run bench`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export function sourceRevision(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    })
      .toString()
      .trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return "unknown";
  }
}

/** True when `.next` was built from the current clean commit. */
export function buildIsCurrent(): boolean {
  const stamp = path.join(root, ".next", "SOURCE_REVISION");
  const rev = sourceRevision();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  return built && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === rev && !rev.endsWith("+dirty");
}

/** Builds unless the build is current (FORCE_BUILD=1 always builds; SKIP_BUILD=1 keeps any existing build). */
export function buildIfNeeded(): void {
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  if (buildIsCurrent() && process.env.FORCE_BUILD !== "1") return;
  if (built && process.env.SKIP_BUILD === "1") return;
  const rev = sourceRevision();
  console.log("正在构建生产版本（首次启动或代码已更新，约需 1–3 分钟）…");
  execFileSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  fs.writeFileSync(path.join(root, ".next", "SOURCE_REVISION"), rev);
}
