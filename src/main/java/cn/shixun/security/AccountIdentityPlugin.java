package cn.shixun.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes our accounts the engine's users and candidate groups (ADR 0004): Tasklist, Cockpit and
 * the engine REST API check passwords and group memberships against the account table.
 */
@Component
class AccountIdentityPlugin extends AbstractProcessEnginePlugin {

    // Resolved on first use: the engine is configured before the JPA repositories may exist.
    private final ObjectProvider<EngineDirectory> directory;

    AccountIdentityPlugin(ObjectProvider<EngineDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AccountIdentityProvider(directory.getObject());
            }
        });
    }
}
