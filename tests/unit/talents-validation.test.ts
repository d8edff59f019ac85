import { describe, expect, it } from "vitest";
import { createTalentSchema, currentYear, loadTalentSearch, updateTalentSchema } from "@/features/talents/validations";

const valid = {
  kind: "person",
  name: "张明远",
  categoryId: "3",
  employerEnterpriseId: "",
  employerName: "重庆大学",
  field: "",
  recognisedYear: "2020",
  programme: "",
  phone: "13800138000",
  idNumber: "50011219900101101x",
};

function errors(input: Record<string, unknown>, schema = createTalentSchema) {
  const res = schema.safeParse(input);
  return res.success ? {} : Object.fromEntries(res.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("talent schemas", () => {
  it("accepts a valid person, normalising blanks to null and the ID's X to upper case", () => {
    const out = createTalentSchema.parse(valid);
    expect(out).toMatchObject({
      categoryId: 3,
      employerEnterpriseId: null,
      field: null,
      recognisedYear: 2020,
      idNumber: "50011219900101101X",
    });
  });

  it("requires a valid phone on create; mobile and landline both pass", () => {
    expect(errors({ ...valid, phone: "" }).phone).toBe("registry.required");
    expect(errors({ ...valid, phone: "12345" }).phone).toBe("registry.phoneFormat");
    expect(errors({ ...valid, phone: "023-67891234" }).phone).toBeUndefined();
  });

  it("on update an empty phone / ID number means keep (null), not an error", () => {
    const out = updateTalentSchema.parse({ ...valid, phone: "", idNumber: "", id: "4", version: "2" });
    expect(out.phone).toBeNull();
    expect(out.idNumber).toBeNull();
    expect(out.clearIdNumber).toBe(false);
  });

  it("refuses a bad ID number, a year outside 1990..this year and an over-long name", () => {
    expect(errors({ ...valid, idNumber: "50011219900101123" }).idNumber).toBe("registry.idNumberFormat");
    expect(errors({ ...valid, idNumber: "500112199001011234" }).idNumber).toBe("registry.idNumberChecksum");
    expect(errors({ ...valid, idNumber: "500112199002301234" }).idNumber).toBe("registry.idNumberBirth");
    expect(errors({ ...valid, recognisedYear: String(currentYear() + 1) }).recognisedYear).toMatch(
      /^registry.yearRange/,
    );
    expect(errors({ ...valid, recognisedYear: "1989" }).recognisedYear).toMatch(/^registry.yearRange/);
    expect(errors({ ...valid, recognisedYear: String(currentYear()) }).recognisedYear).toBeUndefined();
    expect(errors({ ...valid, name: "长".repeat(10_000) }).name).toBe("registry.tooLong|max=100");
    expect(errors({ ...valid, kind: "company" }).kind).toBe("registry.invalidOption");
  });

  it("rejects unknown keys (no smuggled columns)", () => {
    expect(createTalentSchema.safeParse({ ...valid, deletedAt: null }).success).toBe(false);
  });

  it("reads list filters from the URL", () => {
    const s = loadTalentSearch(new URLSearchParams("q=张&category=3&kind=team&yearFrom=2010&yearTo=2020&kind2=x"));
    expect(s).toMatchObject({ q: "张", category: 3, kind: "team", yearFrom: 2010, yearTo: 2020, page: 1 });
    expect(loadTalentSearch(new URLSearchParams("kind=company")).kind).toBeNull();
  });
});
