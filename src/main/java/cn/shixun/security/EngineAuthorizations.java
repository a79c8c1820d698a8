package cn.shixun.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of ADR 0005, written at every start (idempotent): with engine
 * authorization on, a reviewer sees and works only the tasks of their candidate groups (the
 * engine grants those per task); these grants add the webapps and what each role-wide group
 * may do beyond its tasks; {@code camunda-admin} (system administrators) may do everything. A
 * grant holds exactly the permissions listed: one withdrawn here is withdrawn from a database that
 * had it at the next start.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

    /** The Tasklist filter every reviewer starts with; it lists only the tasks the engine lets them read. */
    static final String TASKLIST_FILTER = "我的待办";

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant(CandidateGroup.TASKLIST_USERS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            // No CREATE (ADR 0012, increment 5): a process owner publishes through the console's four-eyes
            // approval; system administrators keep it (camunda-admin) as an audited break-glass.
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.DEPLOYMENT, Authorization.ANY,
                    List.of(Permissions.READ, Permissions.DELETE)),
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, Authorization.ANY,
                    // MIGRATE_INSTANCE: a process owner moves running cases to a new version (docs/processes/versioning.md).
                    List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE)),
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, Authorization.ANY,
                    List.of(Permissions.READ)),
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.DECISION_DEFINITION, Authorization.ANY,
                    List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(CandidateGroup.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY,
                    List.of(Permissions.READ)));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        GRANTS.forEach(grant -> ensure(authorizations, grant));
        // Since 7.x the engine checks administrators' authorizations like anyone's (the starter's admin-user
        // setting writes these same grants): camunda-admin gets everything on every resource.
        for (Resources resource : Resources.values()) {
            ensure(authorizations, new Grant(CandidateGroup.CAMUNDA_ADMIN, resource, Authorization.ANY,
                    List.of(Permissions.ALL)));
        }
        // Group names are role-at-organisation, reference data: anyone signed in may read them (Tasklist shows them).
        ensureGlobalRead(authorizations, Resources.GROUP);
        Filter filter = tasklistFilter(engine.getFilterService(), engine);
        ensure(authorizations, new Grant(CandidateGroup.TASKLIST_USERS, Resources.FILTER, filter.getId(),
                List.of(Permissions.READ)));
        log.info("Engine authorizations in place for {}, {} and the Tasklist filter {}", CandidateGroup.TASKLIST_USERS,
                CandidateGroup.PROCESS_OWNERS, filter.getId());
    }

    private static void ensure(AuthorizationService authorizations, Grant grant) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(grant.groupId())
                .resourceType(grant.resource()).resourceId(grant.resourceId())
                .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.setPermissions(grant.permissions().toArray(new Permission[0]));
        authorizations.saveAuthorization(authorization);
    }

    private static void ensureGlobalRead(AuthorizationService authorizations, Resource resource) {
        Authorization existing = authorizations.createAuthorizationQuery().userIdIn(Authorization.ANY)
                .resourceType(resource).resourceId(Authorization.ANY)
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        authorization.setUserId(Authorization.ANY);
        authorization.setResource(resource);
        authorization.setResourceId(Authorization.ANY);
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }

    private static Filter tasklistFilter(FilterService filters, ProcessEngine engine) {
        Filter existing = filters.createTaskFilterQuery().filterName(TASKLIST_FILTER).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(TASKLIST_FILTER)
                .setQuery(engine.getTaskService().createTaskQuery())
                .setProperties(new java.util.HashMap<>(java.util.Map.of(
                        "description", "本人所在组织的审核任务", "priority", -10, "refresh", true)));
        return filters.saveFilter(filter);
    }
}
