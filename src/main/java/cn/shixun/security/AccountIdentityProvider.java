package cn.shixun.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's read-only identity provider over our accounts ({@link EngineDirectory}): one
 * instance per engine command. Users and groups are few enough (one per account) that the
 * queries filter in memory; tenants are not used.
 */
class AccountIdentityProvider implements ReadOnlyIdentityProvider {

    private final EngineDirectory directory;

    AccountIdentityProvider(EngineDirectory directory) {
        this.directory = directory;
    }

    @Override
    public User findUserById(String userId) {
        return directory.member(userId).filter(visibleToCaller(directory, Context.getCommandContext()))
                .map(AccountIdentityProvider::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new AccountUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AccountUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("native user queries are not supported over the account directory");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.checkPassword(userId, password);
    }

    @Override
    public Group findGroupById(String groupId) {
        return directory.team(groupId).map(AccountIdentityProvider::group).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AccountGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AccountGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public void flush() {
        // read only: nothing to write
    }

    @Override
    public void close() {
        // no resources of its own
    }

    private static UserEntity user(EngineDirectory.Member member) {
        UserEntity user = new UserEntity(member.username());
        // Our accounts carry one display name; the webapps show "first last", so it goes in first.
        user.setFirstName(member.displayName());
        user.setLastName("");
        return user;
    }

    private static GroupEntity group(EngineDirectory.Team team) {
        GroupEntity group = new GroupEntity(team.id());
        group.setName(team.name());
        group.setType(team.type());
        return group;
    }

    private static EngineDirectory directory(CommandContext commandContext) {
        return ((AccountIdentityProvider) commandContext.getReadOnlyIdentityProvider()).directory;
    }

    /** The members the engine's authenticated user may see (none set: the engine itself, which sees all). */
    private static Predicate<EngineDirectory.Member> visibleToCaller(EngineDirectory directory,
                                                                    CommandContext commandContext) {
        return directory.visibleTo(commandContext == null ? null : commandContext.getAuthenticatedUserId());
    }

    private static <T> List<T> page(Stream<T> items, Page page) {
        Stream<T> paged = items;
        if (page != null) {
            paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return paged.toList();
    }

    private static boolean like(String value, String pattern) {
        if (pattern == null) {
            return true;
        }
        String regex = Arrays.stream(pattern.split("%", -1)).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return value != null && java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(value).matches();
    }

    private static boolean equalOrUnset(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static boolean inOrUnset(String[] wanted, String actual) {
        return wanted == null || Arrays.asList(wanted).contains(actual);
    }

    static final class AccountUserQuery extends UserQueryImpl {

        AccountUserQuery() {
        }

        AccountUserQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matches(commandContext).count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matches(commandContext).map(AccountIdentityProvider::user), page);
        }

        private Stream<EngineDirectory.Member> matches(CommandContext commandContext) {
            if (tenantId != null) {
                return Stream.empty();
            }
            EngineDirectory directory = directory(commandContext);
            Stream<EngineDirectory.Member> candidates = id != null
                    ? directory.member(id).stream()
                    : directory.members().stream();
            Predicate<EngineDirectory.Member> filter = member -> inOrUnset(ids, member.username())
                    && equalOrUnset(firstName, member.displayName())
                    && like(member.displayName(), firstNameLike)
                    && (lastName == null || lastName.isEmpty())
                    && email == null && emailLike == null
                    && (groupId == null || member.groupIds().contains(groupId));
            return candidates.filter(visibleToCaller(directory, commandContext).and(filter)).sorted(Comparator.comparing(EngineDirectory.Member::username));
        }
    }

    static final class AccountGroupQuery extends GroupQueryImpl {

        AccountGroupQuery() {
        }

        AccountGroupQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matches(commandContext).count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matches(commandContext).map(AccountIdentityProvider::group), page);
        }

        private Stream<EngineDirectory.Team> matches(CommandContext commandContext) {
            if (tenantId != null) {
                return Stream.empty();
            }
            EngineDirectory directory = directory(commandContext);
            Stream<EngineDirectory.Team> candidates;
            if (userId != null) {
                // Group names are reference data; who belongs to them is not.
                candidates = directory.member(userId).filter(visibleToCaller(directory, commandContext)).stream().flatMap(member -> member.groupIds().stream())
                        .map(directory::team).flatMap(java.util.Optional::stream);
            } else if (id != null) {
                candidates = directory.team(id).stream();
            } else {
                candidates = directory.teams().stream();
            }
            return candidates.filter(team -> equalOrUnset(id, team.id()) && inOrUnset(ids, team.id())
                            && equalOrUnset(name, team.name()) && like(team.name(), nameLike)
                            && equalOrUnset(type, team.type()))
                    .sorted(Comparator.comparing(EngineDirectory.Team::id));
        }
    }

    /** Tenants are not used: every tenant query is empty. */
    static final class NoTenantQuery extends TenantQueryImpl {

        NoTenantQuery() {
        }

        NoTenantQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
