import "server-only";
import ExcelJS from "exceljs";
import { makeT } from "@/lib/i18n/core";
import { type UnitChoice, USER_IMPORT_COLUMNS } from "./user-import";

type WithValidations = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const LAST_ROW = 501;

/**
 * 用户导入模板: sheet 用户 (姓名, 用户名, 单位, 角色, 数据范围 with drop-down lists), a 单位 sheet listing the
 * enabled units by kind (the 单位 column's list) and 填写说明 with an example. Chinese, like every import template.
 */
export async function buildUserTemplate(units: UnitChoice[]): Promise<Buffer> {
  const t = makeT("zh-CN");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t("setup.users.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { header: "*姓名", width: 14 },
    { header: "*用户名", width: 16 },
    { header: "单位", width: 22 },
    { header: "*角色", width: 14 },
    { header: "数据范围", width: 14 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  const enabled = units.filter((u) => u.enabled);
  const list = wb.addWorksheet(t("setup.users.unitsSheet"));
  list.columns = [
    { header: "单位名称", width: 24 },
    { header: "类别", width: 10 },
  ];
  list.getRow(1).font = { bold: true };
  for (const u of enabled) list.addRow([u.label, t(`users.unitKinds.${u.kind}`)]);
  const dv = (ws as unknown as WithValidations).dataValidations;
  const choice = (col: string, formula: string, allowBlank: boolean) =>
    dv.add(`${col}2:${col}${LAST_ROW}`, {
      type: "list",
      allowBlank,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "error",
      error: t("registry.invalidOption"),
    });
  if (enabled.length) choice("C", `'${t("setup.users.unitsSheet")}'!$A$2:$A$${enabled.length + 1}`, true);
  choice("D", '"系统管理员,业务人员,领导"', false);
  choice("E", '"全区,本单位,仅本人录入"', true);

  const guide = wb.addWorksheet(t("setup.users.guideSheet"));
  guide.columns = [
    { header: "列", width: 12 },
    { header: "说明", width: 70 },
    { header: "示例", width: 16 },
  ];
  guide.getRow(1).font = { bold: true };
  const notes: Record<(typeof USER_IMPORT_COLUMNS)[number], [string, string]> = {
    姓名: ["必填，最多 50 个字，显示在系统中", "张明"],
    用户名: ["必填，3–32 位字母、数字、下划线或短横线，以字母开头；不能与已有账户相同", "zhangming"],
    单位: ["科室、镇街或园区的名称（见“单位”工作表）；可空", "仙桃街道"],
    角色: ["必填：系统管理员、业务人员或领导（审计员账户只能由审计员创建）", "业务人员"],
    数据范围: ["全区（默认）、本单位（单位须为镇街或园区）或仅本人录入", "本单位"],
  };
  for (const c of USER_IMPORT_COLUMNS) guide.addRow([c, ...notes[c]]);
  guide.addRow([]);
  guide.addRow(["", "导入后每个账户获得一次性密码，只显示一次；首次登录时须修改密码。"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
