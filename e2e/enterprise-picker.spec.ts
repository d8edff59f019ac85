import { expect, type Page, test } from "@playwright/test";
import { contextAs } from "./fixtures/auth";
import { scalar } from "./fixtures/db";

// The one enterprise picker, as used by every form that links an enterprise: keyboard choice, Enter never submits
// a half-filled form, and Enter that confirms a Chinese input method's candidate is left to the input method.

function liveEnterprise(): { name: string } {
  return { name: scalar<string>("SELECT name FROM enterprises WHERE deleted_at IS NULL ORDER BY id LIMIT 1") };
}

/** Enter as an input method sends it while composing (isComposing, keyCode 229). */
async function pressComposingEnter(page: Page, selector: string) {
  await page.locator(selector).evaluate((el) => {
    el.dispatchEvent(
      new KeyboardEvent("keydown", { key: "Enter", code: "Enter", keyCode: 229, isComposing: true, bubbles: true }),
    );
  });
}

test("host enterprise: ↓ + Enter picks, an input method's Enter does not, and the form is never submitted", async ({
  browser,
}) => {
  const ent = liveEnterprise();
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto("/institutions/new");
  const box = page.getByRole("combobox", { name: "依托企业" });
  await box.fill(ent.name.slice(3));
  await expect(page.getByRole("option", { name: new RegExp(ent.name) }).first()).toBeVisible();

  await pressComposingEnter(page, "input[role=combobox]");
  await expect(page.getByTestId("enterprise-chosen")).toHaveCount(0);
  await expect(page).toHaveURL(/\/institutions\/new$/);

  await box.fill(ent.name);
  await expect(page.getByRole("option", { name: new RegExp(ent.name) }).first()).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page.getByTestId("enterprise-chosen")).toContainText(ent.name);
  await expect(page).toHaveURL(/\/institutions\/new$/);

  // 重新选择 clears the choice and puts the cursor back in the search box.
  await page.getByRole("button", { name: "重新选择" }).click();
  await expect(page.getByRole("combobox", { name: "依托企业" })).toBeFocused();
  await staff.close();
});

test("employer: typed text is kept as free text, ↓ + Enter links a registered enterprise, Escape closes the list", async ({
  browser,
}) => {
  const ent = liveEnterprise();
  const staff = await contextAs(browser, "staff");
  const page = await staff.newPage();
  await page.goto("/talents/new");
  const box = page.getByRole("combobox", { name: "工作单位" });
  await box.fill("重庆某某大学不存在的单位");
  await expect(page.getByText("未找到在册企业，将按填写的名称保存")).toBeVisible();
  await box.press("Escape");
  await expect(page.getByText("未找到在册企业，将按填写的名称保存")).toHaveCount(0);
  await expect(box).toHaveValue("重庆某某大学不存在的单位");

  await box.fill(ent.name);
  await expect(page.getByRole("option", { name: new RegExp(ent.name) }).first()).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page.getByTestId("enterprise-linked")).toBeVisible();
  await expect(box).toHaveValue(ent.name);
  await expect(page).toHaveURL(/\/talents\/new$/);
  await staff.close();
});
