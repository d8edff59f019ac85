import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { EnterpriseForm } from "@/app/(dashboard)/enterprises/_components/enterprise-form";
import { IncubatorForm } from "@/app/(dashboard)/incubators/_components/incubator-form";
import { InstitutionForm } from "@/app/(dashboard)/institutions/_components/institution-form";
import { TalentForm } from "@/app/(dashboard)/talents/_components/talent-form";
import { enterpriseRegistry } from "@/features/enterprises/registry";
import { incubatorRegistry } from "@/features/incubators/registry";
import { institutionRegistry } from "@/features/institutions/registry";
import {
  dictionaryKinds,
  type Field,
  fieldKeys,
  formSections,
  type RegistryDefinition,
} from "@/features/registry/define";
import { clearName, inputProps, RegistryFields } from "@/features/registry/form-fields";
import { talentRegistry } from "@/features/talents/registry";
import { makeT } from "@/lib/i18n/core";
import type { DictOptions } from "@/lib/registry/dictionaries";

// Each registry form is rendered from its definition: every declared field appears exactly once, with the
// definition's label, required marker and length limit. The forms are rendered to static markup with the server
// actions and the router stubbed (nothing is submitted here).

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, back: () => {} }) }));
const { action } = vi.hoisted(() => ({ action: () => async () => ({ ok: true, data: { id: 1 } }) }));
vi.mock("@/features/enterprises/actions", () => ({ createEnterprise: action(), updateEnterprise: action() }));
vi.mock("@/features/institutions/actions", () => ({ createInstitution: action(), updateInstitution: action() }));
vi.mock("@/features/incubators/actions", () => ({ createIncubator: action(), updateIncubator: action() }));
vi.mock("@/features/talents/actions", () => ({ createTalent: action(), updateTalent: action() }));

const zh = makeT("zh-CN");

function options(def: RegistryDefinition): DictOptions {
  return Object.fromEntries(
    dictionaryKinds(def).map((k) => [
      k,
      [
        { id: 11, code: "a", label: `${k}-甲`, enabled: true },
        { id: 12, code: "b", label: `${k}-乙`, enabled: false },
      ],
    ]),
  );
}

/** A stored record as the edit page passes it: personal data only masked. */
const stored = {
  enterprise: {
    id: 7,
    version: 3,
    name: "重庆测试科技有限公司",
    creditCode: "91500112MA5UXYQ316",
    streetId: 12,
    status: "active",
    isAboveScale: true,
    contactPhoneMasked: "138****8000",
  },
  institution: { id: 8, version: 2, name: "测试研究院", typeId: 11, level: "district", status: "active" },
  incubator: { id: 9, version: 5, name: "测试众创空间", typeId: 11, level: "municipal", incubatedTotal: 4 },
  talent: {
    id: 10,
    version: 4,
    kind: "team",
    name: "测试团队",
    categoryId: 11,
    employerEnterpriseId: 7,
    recognisedYear: 2020,
    phoneMasked: "139****9000",
    idNumberMasked: "500112********1234",
  },
};

const rec = (def: RegistryDefinition) => stored[def.key as keyof typeof stored] as Record<string, unknown>;

type Case = { def: RegistryDefinition; render: (editing: boolean) => string };
// The stored records are partial (only what the assertions read), hence the loose props type.
const render = <P>(C: FunctionComponent<P>, props: Record<string, unknown>) =>
  renderToStaticMarkup(createElement(C as FunctionComponent<Record<string, unknown>>, props));
const cases: Case[] = [
  {
    def: enterpriseRegistry,
    render: (e) =>
      render(EnterpriseForm, { enterprise: e ? stored.enterprise : undefined, options: options(enterpriseRegistry) }),
  },
  {
    def: institutionRegistry,
    render: (e) =>
      render(InstitutionForm, {
        institution: e ? stored.institution : undefined,
        host: e ? { id: 7, name: "重庆测试科技有限公司" } : null,
        options: options(institutionRegistry),
      }),
  },
  {
    def: incubatorRegistry,
    render: (e) =>
      render(IncubatorForm, { incubator: e ? stored.incubator : undefined, options: options(incubatorRegistry) }),
  },
  {
    def: talentRegistry,
    render: (e) =>
      render(TalentForm, {
        talent: e ? stored.talent : undefined,
        employerEnterpriseName: e ? "重庆测试科技有限公司" : undefined,
        options: options(talentRegistry),
      }),
  },
];

/** The form controls (input, select, textarea) named `name`, as their opening tags. */
function controls(html: string, name: string): string[] {
  return [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(` name="${name}"`));
}

/** The opening tag of the element with this id. */
const byId = (html: string, id: string) => html.match(new RegExp(`<[a-z]+\\b[^>]* id="${id}"[^>]*>`))?.[0];

const attr = (tag: string, a: string) => tag.match(new RegExp(` ${a}="([^"]*)"`, "i"))?.[1];

/** The text of the label pointing at `id`, and whether it carries the required marker. */
function label(html: string, id: string): { text: string; required: boolean } | undefined {
  const m = html.match(new RegExp(`<label[^>]* for="${id}"[^>]*>(.*?)</label>`));
  if (!m) return undefined;
  const required = /<span[^>]*>\*<\/span>/.test(m[1]);
  return { text: m[1].replace(/<span[^>]*>\*<\/span>/, "").replace(/<[^>]+>/g, ""), required };
}

const expectedMaxLength = (f: Field) => inputProps(f).maxLength;

describe("registry forms rendered from the definitions", () => {
  for (const { def, render: html } of cases) {
    describe(def.key, () => {
      it("lays out every field in exactly one section", () => {
        const inSections = formSections(def).flatMap((s) => s.fields);
        expect([...inSections].sort()).toEqual(fieldKeys(def).sort());
      });

      for (const editing of [false, true]) {
        it(`${editing ? "edit" : "create"}: every field once, with its label, required marker and length limit`, () => {
          const out = html(editing);
          for (const key of fieldKeys(def)) {
            const f = def.fields[key];
            const tags = controls(out, key);
            expect(tags, key).toHaveLength(1);
            const tag = tags[0];
            const max = f.kind === "text" ? f.max : expectedMaxLength(f);
            if (max !== undefined) expect(attr(tag, "maxlength"), key).toBe(String(max));
            if (f.form?.within) {
              // Typed into the host field's picker: the host's label names it.
              expect(attr(tag, "id"), key).toBe(`f-${f.form.within}`);
              continue;
            }
            // The labelled control: the named one, except the enterprise picker, which submits its choice in a
            // hidden input and labels its search box (or, once linked, its 重新选择 button).
            const target = byId(out, `f-${key}`);
            if (f.kind === "enterpriseRef") expect(attr(tag, "type"), key).toBe("hidden");
            else expect(target, key).toBe(tag);
            expect(attr(target ?? "", "aria-describedby") ?? "", key).toContain(`f-${key}-error`);
            const l = label(out, `f-${key}`);
            expect(l?.text, key).toBe(zh(f.label));
            // Write-only personal data keeps its stored value when left empty: required only when none is stored.
            const keeps = editing && !!rec(def)[`${key}Masked`];
            if (f.kind !== "bool") expect(l?.required, key).toBe(!!f.required && !keeps);
            expect(out).toContain(`id="f-${key}-error"`);
          }
        });
      }

      it("edit: carries id and version; personal data only as a placeholder, with its clear checkbox", () => {
        const out = html(true);
        const r = rec(def);
        expect(attr(controls(out, "version")[0], "value")).toBe(String(r.version));
        expect(attr(controls(out, "id")[0], "value")).toBe(String(r.id));
        for (const key of fieldKeys(def)) {
          const f = def.fields[key];
          if (f.kind !== "phone" && f.kind !== "idNumber") continue;
          const tag = controls(out, key)[0];
          expect(attr(tag, "value") ?? "", key).toBe("");
          expect(attr(tag, "placeholder"), key).toBe(r[`${key}Masked`]);
          expect(controls(out, clearName(key)), key).toHaveLength(!f.required && f.form?.clear ? 1 : 0);
        }
      });

      it("create: no id or version", () => {
        const out = html(false);
        expect(controls(out, "version")).toHaveLength(0);
        expect(controls(out, "id")).toHaveLength(0);
      });
    });
  }

  it("edit without a stored phone: the phone is required (the server demands one) and no keep hint shows", () => {
    const out = render(TalentForm, {
      talent: { ...stored.talent, phoneMasked: "", idNumberMasked: "" },
      options: options(talentRegistry),
    });
    expect(label(out, "f-phone")?.required).toBe(true);
    expect(label(out, "f-idNumber")?.required).toBe(false);
    expect(out).not.toContain(zh("registry.personalKeepHint"));
    expect(controls(out, "clearIdNumber")).toHaveLength(0);
    expect(out).toContain(zh("talents.personal.idHint"));
  });

  it("dictionary selects offer the enabled items and the record's current one", () => {
    const out = cases[0].render(true);
    const street = out.match(/<select[^>]* name="streetId"[^>]*>(.*?)<\/select>/)?.[1] ?? "";
    expect(street).toContain("street-甲");
    expect(street).toContain("street-乙"); // disabled, but the record's current street
    const park = out.match(/<select[^>]* name="parkId"[^>]*>(.*?)<\/select>/)?.[1] ?? "";
    expect(park).toContain("（无）");
    expect(park).not.toContain("park-乙");
  });

  it("an override replaces the control inside the field's usual cell (label, marker, error wiring)", () => {
    const out = renderToStaticMarkup(
      createElement(RegistryFields, {
        definition: institutionRegistry,
        errors: { name: ["名称有误"] },
        overrides: {
          name: ({ control, value }) =>
            createElement("textarea", { ...control, defaultValue: value, "data-bespoke": "" }),
        },
      }),
    );
    const tag = controls(out, "name");
    expect(tag).toHaveLength(1);
    expect(tag[0]).toMatch(/^<textarea\b.*data-bespoke/);
    expect(attr(tag[0], "aria-invalid")).toBe("true");
    expect(attr(tag[0], "aria-describedby")).toBe("f-name-error");
    expect(label(out, "f-name")).toEqual({ text: zh("institutions.fields.name"), required: true });
    expect(out).toMatch(/<div id="f-name-error"[^>]*><p[^>]*>名称有误<\/p>/);
  });

  it("maps kinds to input attributes", () => {
    expect(inputProps(enterpriseRegistry.fields.name)).toEqual({ maxLength: 100 });
    expect(inputProps(enterpriseRegistry.fields.creditCode).maxLength).toBe(18);
    expect(inputProps(enterpriseRegistry.fields.foundedDate)).toMatchObject({ type: "date" });
    expect(inputProps(enterpriseRegistry.fields.foundedDate).max).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inputProps(enterpriseRegistry.fields.registeredCapital)).toEqual({ inputMode: "decimal" });
    expect(inputProps(institutionRegistry.fields.staffCount)).toEqual({ inputMode: "numeric" });
    expect(inputProps(talentRegistry.fields.recognisedYear)).toMatchObject({ type: "number", min: 1990, step: 1 });
    expect(inputProps(talentRegistry.fields.phone)).toMatchObject({ type: "tel", maxLength: 20 });
  });
});
