// Logs in with a token, lists units page by page and records a finding: a front end's three first calls, type-checked
// against the contract in CI (`npm run client`), so a contract change that would break them fails the build.
//
//   cd openapi && npm ci
//   ZUOFENG_URL=http://localhost:8080 ZUOFENG_TOKEN=$TOKEN ZUOFENG_INSPECTION_ID=<an inspection IN_PROGRESS> \
//     npm run example
//
// `npm run example` runs it with tsx, as Node ESM (package.json `"type": "module"`, so top-level await works;
// imports name their .ts file). CI runs it against the packaged jar (ClientExamplesIT), so it must keep working.
//
// ZUOFENG_TOKEN is an OIDC access token of the deployment's provider (Keycloak in practice) whose `aud` names
// `zuofeng-api`; in `quarkus:dev` the README's "Getting a token in dev mode" gets one (user `inspector` for this
// example's finding). A browser app passes the token its OIDC library keeps fresh instead of a string, e.g. with
// oidc-client-ts: `token: async () => (await userManager.getUser())?.access_token ?? ""`.
import { createZuofengClient, idempotencyKey, type Schemas } from "../src/index.ts";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function fail(what: string, problem: Schemas["Problem"]): never {
  throw new Error(`${what}: ${problem.status} ${problem.code} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
}

const api = createZuofengClient({
  baseUrl: process.env["ZUOFENG_URL"] ?? "http://localhost:8080",
  token: env("ZUOFENG_TOKEN"),
});

// Who the token says we are.
const me = await api.GET("/api/v1/me");
if (me.error) fail("GET /api/v1/me", me.error);
console.log(`signed in as ${me.data.subject} (${me.data.roles.join(", ")})`);

// Every active unit, a page at a time: `next` is the cursor of the following page, absent on the last one.
const units: Schemas["Unit"][] = [];
let cursor: string | undefined;
do {
  const page = await api.GET("/api/v1/units", {
    params: { query: { status: "ACTIVE", sort: "code", limit: 200, cursor } },
  });
  if (page.error) fail("GET /api/v1/units", page.error);
  units.push(...page.data.items);
  cursor = page.data.next;
} while (cursor);
for (const unit of units) console.log(`${unit.code}\t${unit.type}\t${unit.name}`);

// A finding in an inspection that is IN_PROGRESS, about one of its target units.
const inspectionId = env("ZUOFENG_INSPECTION_ID");
const inspection = await api.GET("/api/v1/inspections/{id}", { params: { path: { id: inspectionId } } });
if (inspection.error) fail("GET /api/v1/inspections/{id}", inspection.error);
const unitId = inspection.data.targetUnitIds[0];
if (!unitId) throw new Error(`inspection ${inspectionId} has no target unit`);

const finding: Schemas["FindingWrite"] = {
  unitId,
  category: "INACTION",
  defects: ["LAZINESS", "LAXITY"],
  severity: "MODERATE",
  title: "上班时间窗口无人",
  observedAt: new Date().toISOString(), // RFC 3339, not in the future
  location: { latitude: 22.543096, longitude: 114.057865, address: "行政服务大厅 3 号窗口" },
};
// One key for this finding: sending the same request again with it (after a timeout, say) records it only once.
const key = idempotencyKey();
const created = await api.POST("/api/v1/inspections/{id}/findings", {
  params: { path: { id: inspectionId }, header: key },
  body: finding,
});
if (created.error) fail("POST /api/v1/inspections/{id}/findings", created.error);
console.log(`finding ${created.data.id} is ${created.data.status}, ETag ${created.response.headers.get("ETag")}`);
