// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1), which no package on the registries describes: a
// narrow schema written here from the plugin's API (api/v1/objectstore_types.go of cloudnative-pg/plugin-barman-cloud).
// Its spec.configuration is the BarmanObjectStoreConfiguration of the Cluster's in-tree barmanObjectStore, whose schema
// @kubernetes-models/cloudnative-pg ships and checks here; the plugin forbids serverName in it. The field names are
// checked by the types beside this file (barmancloud.cnpg.io-v1.d.ts).
import { ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { BarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";
import { EnvVar, ResourceRequirements } from "kubernetes-models/v1";

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class ObjectStore {
  static apiVersion = "barmancloud.cnpg.io/v1";
  static kind = "ObjectStore";

  constructor(data) {
    Object.assign(this, data);
  }

  validate() {
    const errors = [];
    const check = (Model, value, where) => {
      try {
        new Model(value).validate();
      } catch (e) {
        errors.push(e.message.replace(/\bdata(?=[/ ])/g, where));
      }
    };
    if (!isObject(this.metadata)) errors.push("/metadata must be object");
    else check(ObjectMeta, this.metadata, "/metadata");
    const spec = this.spec;
    if (!isObject(spec)) {
      errors.push("/spec must be object");
    } else {
      if (!isObject(spec.configuration)) errors.push("/spec must have required property 'configuration'");
      else {
        check(BarmanObjectStoreConfiguration, spec.configuration, "/spec/configuration");
        if ("serverName" in spec.configuration) {
          errors.push("/spec/configuration/serverName is forbidden: use the serverName plugin parameter of the Cluster");
        }
      }
      if (spec.retentionPolicy !== undefined && !/^[1-9][0-9]*[dwm]$/.test(String(spec.retentionPolicy))) {
        errors.push('/spec/retentionPolicy must match pattern "^[1-9][0-9]*[dwm]$"');
      }
      const sidecar = spec.instanceSidecarConfiguration;
      if (sidecar !== undefined) {
        if (!isObject(sidecar)) errors.push("/spec/instanceSidecarConfiguration must be object");
        else {
          if (sidecar.env !== undefined) {
            if (!Array.isArray(sidecar.env)) errors.push("/spec/instanceSidecarConfiguration/env must be array");
            else sidecar.env.forEach((v, i) => check(EnvVar, v, `/spec/instanceSidecarConfiguration/env/${i}`));
          }
          if (sidecar.resources !== undefined) {
            check(ResourceRequirements, sidecar.resources, "/spec/instanceSidecarConfiguration/resources");
          }
          const interval = sidecar.retentionPolicyIntervalSeconds;
          if (interval !== undefined && !Number.isInteger(interval)) {
            errors.push("/spec/instanceSidecarConfiguration/retentionPolicyIntervalSeconds must be integer");
          }
        }
      }
    }
    if (errors.length > 0) throw new Error(errors.join(", "));
  }
}
