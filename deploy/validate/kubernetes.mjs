// Validates Kubernetes manifests offline (ADR 50): each object against the schema of its API version and kind, as
// kubernetes-models compiles it from the Kubernetes OpenAPI definitions, and then strictly: a field the schema does not
// know, at any depth, fails it. The compiled schemas reject wrong types, missing required fields and values outside
// an enumeration, but let unknown fields through (no additionalProperties: false anywhere), so a misspelt
// "replcas: 3" would pass and the API server would drop it without a word.
//
//   node kubernetes.mjs <file.yaml|-> ...   one or more (multi-document) streams; "-" reads standard input
//
// Prints one line per object ("ok", or "FAIL" and why) and "<n> valid, <n> invalid"; exits 1 when any object is
// invalid, including one of an API version or kind no installed model, nor a schema of operators/ (operators.mjs),
// describes: nothing passes unchecked.
import fs from "node:fs";
import * as yaml from "js-yaml";
import { operatorValidator } from "./operators.mjs";

// The model of an apiVersion and kind: kubernetes-models has one for every built-in API group. Custom resources (an
// operator's) have none until their model package is added to package.json and looked up here, after the built-in
// groups: the Prometheus Operator's (monitoring.coreos.com: ServiceMonitor, PrometheusRule).
const customResourceModels = ["@kubernetes-models/prometheus-operator"];

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const candidates = [group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`];
  if (group) candidates.push(...customResourceModels.map((model) => `${model}/${group}/${version}`));
  for (const candidate of candidates) {
    try {
      const module = await import(candidate);
      if (module[kind]) return module[kind];
    } catch (error) {
      if (error.code !== "ERR_MODULE_NOT_FOUND" && error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw error;
    }
  }
  return undefined;
}

// Runs the model's compiled validator over a proxy of the document that records, for every object, each property the
// validator reads: it probes every property its schema declares and iterates the maps it allows (labels, resources).
// A key of an object the validator looked into that it never read is one the schema does not declare. Objects it never
// looked into are free-form (x-kubernetes-preserve-unknown-fields, ConfigMap data) and are left alone.
function unknownFields(Model, document) {
  const read = new WeakMap();
  const proxies = new WeakMap();
  const wrap = (target) => {
    if (target === null || typeof target !== "object") return target;
    if (!proxies.has(target)) {
      read.set(target, new Set());
      proxies.set(target, new Proxy(target, {
        get(object, key, receiver) {
          if (typeof key === "string") read.get(object).add(key);
          return wrap(Reflect.get(object, key, receiver));
        },
      }));
    }
    return proxies.get(target);
  };
  Model.prototype.validate.call(wrap(document));

  const unknown = [];
  const walk = (node, path) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path}/${index}`));
      return;
    }
    const seen = read.get(node);
    const lookedInto = seen !== undefined && seen.size > 0;
    for (const [key, value] of Object.entries(node)) {
      // Extensions of CustomResourceDefinition schemas, which its model does not list.
      if (key.startsWith("x-kubernetes-")) continue;
      if (lookedInto && !seen.has(key)) unknown.push(`${path}/${key}`);
      else walk(value, `${path}/${key}`);
    }
  };
  walk(document, "");
  return unknown;
}

const sources = process.argv.slice(2);
if (sources.length === 0) {
  console.error("usage: node kubernetes.mjs <file.yaml|-> ...");
  process.exit(2);
}
let valid = 0;
let invalid = 0;
for (const source of sources) {
  const text = fs.readFileSync(source === "-" ? 0 : source, "utf8");
  for (const document of yaml.loadAll(text)) {
    if (document === null || document === undefined) continue;
    const name = `${source === "-" ? "stdin" : source}: ${document.kind}/${document.metadata?.name}`;
    const Model = typeof document.apiVersion === "string" && typeof document.kind === "string"
      ? await modelOf(document.apiVersion, document.kind)
      : undefined;
    const operator = Model ? undefined : operatorValidator(document.apiVersion, document.kind);
    if (operator) {
      const errors = operator(document);
      if (errors.length > 0) {
        invalid++;
        console.log(`FAIL ${name}: ${errors.slice(0, 4).join(" | ")}`);
      } else {
        valid++;
        console.log(`ok   ${name}`);
      }
      continue;
    }
    if (!Model) {
      invalid++;
      console.log(`FAIL ${name}: no schema for ${document.apiVersion} ${document.kind}`);
      continue;
    }
    try {
      new Model(document).validate();
    } catch (error) {
      invalid++;
      console.log(`FAIL ${name}: ${String(error.message).split("\n").slice(0, 4).join(" | ")}`);
      continue;
    }
    const unknown = unknownFields(Model, document);
    if (unknown.length > 0) {
      invalid++;
      console.log(`FAIL ${name}: unknown field(s): ${unknown.join(", ")}`);
      continue;
    }
    valid++;
    console.log(`ok   ${name}`);
  }
}
console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);
