package cn.shixun.security;

import cn.shixun.shared.RefusalText;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EngineGate} in front of both of the engine's command chains (commands that
 * join a transaction and those that need a new one), before the transaction and the command
 * context begin: every outside call passes it, whatever the channel.
 */
@Component
class EngineGatePlugin extends AbstractProcessEnginePlugin {

    private final RefusalText refusals;
    private final ApplicationEventPublisher events;

    EngineGatePlugin(RefusalText refusals, ApplicationEventPublisher events) {
        this.refusals = refusals;
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        CommandInterceptor required = new EngineGate(configuration, refusals, events);
        CommandInterceptor requiresNew = new EngineGate(configuration, refusals, events);
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, required);
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, requiresNew);
    }
}
