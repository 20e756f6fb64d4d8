import type { ActivityLogStore } from "./activityLog/store.js";
import type { Authorizer } from "./authorization/authorizer.js";
import type { RoleAssignmentStore } from "./authorization/roleAssignments.js";
import type { Clock } from "./clock.js";
import type { EmulatorConfig } from "./config.js";
import type { FaultInjector } from "./faults/injector.js";
import type { TokenService } from "./identity/tokens.js";
import type { OperationStore } from "./operations.js";
import type { ResourceGraphState } from "./resourceGraph/state.js";
import type { Db } from "./store/db.js";
import type { DirectoryStore } from "./store/directory.js";
import type { ResourceStore } from "./store/resources.js";

/**
 * Everything a handler may use, all of an emulator's state included (no module-level caches). One per emulator
 * process; tests create several side by side.
 */
export interface EmulatorContext {
  config: EmulatorConfig;
  db: Db;
  clock: Clock;
  resources: ResourceStore;
  directory: DirectoryStore;
  operations: OperationStore;
  tokens: TokenService;
  authorizer: Authorizer;
  roleAssignments: RoleAssignmentStore;
  /** Fault injection (`/_emulator/faults`); models consult it only through its named hooks. */
  faults: FaultInjector;
  /** Microsoft.Insights Activity Log events, written by the pipeline's activity-log stage. */
  activityLog: ActivityLogStore;
  /** Resource Graph's row index, result cache and per-user quota. */
  resourceGraph: ResourceGraphState;
}
