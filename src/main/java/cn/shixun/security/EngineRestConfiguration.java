package cn.shixun.security;

import cn.shixun.shared.RefusalText;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The engine REST API's Jersey application (replacing the starter's, which steps back when one
 * exists): Camunda's resources and JSON configuration as the starter registers them, with our
 * problem details ({@link EngineRestProblems}) in place of Camunda's exception handlers, so
 * that which mapper answers does not depend on Jersey's ordering of equal candidates.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    private final EngineRestProblems problems;

    EngineRestConfiguration(MessageSource messages, LocaleResolver localeResolver, RefusalText refusals) {
        this.problems = new EngineRestProblems(messages, localeResolver, refusals);
    }

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                .filter(type -> !ExceptionMapper.class.isAssignableFrom(type))
                .collect(java.util.stream.Collectors.toSet()));
        // Jackson without its own exception mappers: a malformed body is ours to answer too.
        register(org.glassfish.jersey.jackson.JacksonFeature.withoutExceptionMappers());
        register(problems);
    }
}
