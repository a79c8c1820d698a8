package cn.shixun.insight.bottlenecks;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Hands the engine's history events to {@link TaskWaitHistory} as well as to its own history tables. */
@Component
class TaskWaitPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskWaitWriter> writer;

    TaskWaitPlugin(ObjectProvider<TaskWaitWriter> writer) {
        this.writer = writer;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new TaskWaitHistory(writer));
    }
}
