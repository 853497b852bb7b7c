// Types of the narrow ObjectStore schema (barmancloud.cnpg.io-v1.js): what the validator's strict check compares
// field names with.
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IBarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";
import type { IEnvVar, IResourceRequirements } from "kubernetes-models/v1";

export interface IObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata: IIoK8sApimachineryPkgApisMetaV1ObjectMeta;
  spec: {
    // serverName is known, and refused by the schema (barmancloud.cnpg.io-v1.js) with the reason.
    configuration: IBarmanObjectStoreConfiguration;
    retentionPolicy?: string;
    instanceSidecarConfiguration?: {
      env?: Array<IEnvVar>;
      retentionPolicyIntervalSeconds?: number;
      resources?: IResourceRequirements;
    };
  };
}

export declare class ObjectStore {
  static apiVersion: "barmancloud.cnpg.io/v1";
  static kind: "ObjectStore";
  constructor(data: IObjectStore);
  validate(): void;
}
