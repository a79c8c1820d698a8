package cn.shixun.tasks;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Checks every model the engine is given, whatever the channel (our deployment at start-up,
 * Camunda Modeler through {@code /engine-rest/deployment/create}, Cockpit): a BPMN model that
 * breaks the {@link ModelRules}, a decision table that is not FEEL or a CMMN model
 * ({@link DecisionRules}) fails its deployment with a {@code ParseException} that names each
 * element and why; nothing is deployed. And the engine's expressions reach no Spring bean but
 * the ones the procedures declare, whatever a model slipped through.
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcedureModel> procedures;
    private final ApplicationContext context;
    private final ObjectProvider<CaseDeadlines> deadlines;

    ModelGuardPlugin(ObjectProvider<ProcedureModel> procedures, ApplicationContext context,
                     ObjectProvider<CaseDeadlines> deadlines) {
        this.procedures = procedures;
        this.context = context;
        this.deadlines = deadlines;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<ProcedureModel> declared = procedures.orderedStream().toList();
        ModelRules rules = new ModelRules(declared, context::containsBean);
        // Resolved when a timer fires: the deadlines' collaborators need the engine this plugin configures.
        configuration.setBpmnParseFactory(checkedBy(rules, new CaseworkBpmnParse.DeadlineListeners(
                task -> deadlines.getObject().remind(task), task -> deadlines.getObject().escalate(task))));
        List<Deployer> preDeployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        preDeployers.add(new DecisionRules());
        configuration.setCustomPreDeployers(preDeployers);

        Set<String> reachable = new HashSet<>(ModelRules.CASEWORK_BEANS);
        declared.forEach(procedure -> reachable.addAll(procedure.beans()));
        Map<Object, Object> beans = new DeclaredBeans(context, Set.copyOf(reachable));
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /** The engine's BPMN parse with the rules checked first and deadlines declared on user tasks ({@link CaseworkBpmnParse}). */
    static BpmnParseFactory checkedBy(ModelRules rules, CaseworkBpmnParse.DeadlineListeners deadlines) {
        return parser -> new CaseworkBpmnParse(parser, rules, deadlines);
    }

    /** The beans expressions may resolve: the declared ones that exist, each looked up when first used. */
    private static final class DeclaredBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        DeclaredBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = names;
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String bean && names.contains(bean) && context.containsBean(bean);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names.stream().filter(this::containsKey)
                    .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
                    .collect(Collectors.toSet());
        }
    }
}
