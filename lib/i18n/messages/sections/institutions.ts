import type { Widen } from "../widen";

export const institutionsZh = {
  title: "研发机构",
  create: "新建研发机构",
  editTitle: "编辑研发机构",
  searchPlaceholder: "研发机构名称",
  fields: {
    name: "机构名称",
    type: "机构类型",
    level: "级别",
    host: "依托单位",
    hostEnterprise: "依托企业",
    hostOrganisation: "依托单位名称",
    hostCreditCode: "依托企业统一社会信用代码",
    recognisedDate: "认定日期",
    field: "研究领域",
    staffCount: "研发人员数",
    status: "状态",
    createdAt: "录入时间",
  },
  filters: { yearFrom: "认定年份起", yearTo: "认定年份止" },
  hostHint: "依托在册科技企业的，请选择依托企业；否则填写依托单位名称（高校、科研院所等）。两项至少填写一项。",
  hostRequired: "请选择依托企业或填写依托单位名称（至少填写一项）",
  hostEnterpriseInvalid: "所选企业不存在或已被删除，请重新选择",
} as const;

export const institutionsEn: Widen<typeof institutionsZh> = {
  title: "R&D institutions",
  create: "New institution",
  editTitle: "Edit institution",
  searchPlaceholder: "Institution name",
  fields: {
    name: "Name",
    type: "Type",
    level: "Level",
    host: "Host",
    hostEnterprise: "Host enterprise",
    hostOrganisation: "Host organisation",
    hostCreditCode: "Host enterprise credit code",
    recognisedDate: "Recognised",
    field: "Research field",
    staffCount: "R&D staff",
    status: "Status",
    createdAt: "Entered",
  },
  filters: { yearFrom: "Recognised from (year)", yearTo: "Recognised to (year)" },
  hostHint:
    "Choose the host enterprise if it is a registered tech enterprise; otherwise enter the host organisation (university, research institute…). At least one is required.",
  hostRequired: "Choose a host enterprise or enter a host organisation (at least one)",
  hostEnterpriseInvalid: "The chosen enterprise does not exist or was deleted; choose again",
};
