export type { UserInfo, RequestAttributes, Decision } from './types';
export { authorize, rulesFor, ruleAllows, clusterRoleRules, subjectMatches } from './rbac';
export { ADMIN_USER, PRIVILEGED_GROUP, impersonate, serviceAccountOf, serviceAccountUsername } from './user';
export { forbiddenMessage, forbiddenStatus, ForbiddenError } from './forbidden';
