/** Who sends a request, as the authenticator (or impersonation) hands it to the authorizer. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** authorizer.Attributes: what one request asks to do. */
export interface RequestAttributes {
  user: UserInfo;
  /** get, list, watch, create, update, patch, delete, deletecollection, or an HTTP verb for non-resource paths. */
  verb: string;
  resourceRequest: boolean;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  /** Empty for cluster-scoped resources and cluster-wide requests (`-A`). */
  namespace?: string;
  name?: string;
  /** Non-resource requests: `/healthz`, `/api`. */
  path?: string;
}

export interface Decision {
  allowed: boolean;
  /** RBAC's reason, e.g. a binding that points at a missing role (`RBAC: role.rbac... not found`). */
  reason: string;
}
