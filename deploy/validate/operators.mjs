// The operators' custom resources the chart renders (CloudNativePG, the RabbitMQ Cluster and Messaging Topology
// Operators), which kubernetes-models has no model for and npm serves none of: each is validated against a JSON schema
// kept in operators/, written from the operator's API reference for exactly the fields the chart sets, with
// additionalProperties false at every level, so a field the schema does not name, a misspelling or one the chart
// should not set, fails as in the strict pass over the built-in kinds (ADR 56).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "operators");
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map();
for (const file of fs.readdirSync(directory).filter((name) => name.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(directory, file), "utf8"));
  ajv.addSchema(schema);
  // <group>-<version>-<Kind>.schema.json; common.schema.json only holds definitions.
  const match = /^(.+)-(v[0-9a-z]+)-([A-Za-z]+)\.schema\.json$/.exec(file);
  if (match) validators.set(`${match[1]}/${match[2]} ${match[3]}`, schema.$id);
}

// A validator of the kind's schema, or undefined when operators/ has none: it returns the errors, none when valid.
export function operatorValidator(apiVersion, kind) {
  const id = validators.get(`${apiVersion} ${kind}`);
  if (!id) return undefined;
  const validate = ajv.getSchema(id);
  return (document) =>
    validate(document) ? [] : validate.errors.map((e) =>
      `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}
