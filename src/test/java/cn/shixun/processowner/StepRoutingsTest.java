package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.tasks.CaseRouting;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class StepRoutingsTest {

    @Test
    void thePanelOffersEveryRoutingAModelCanName_andNothingElse() {
        // Its public methods, which the engine's expressions call; countyRecheck answers a gateway's question (a boolean), it names nobody.
        String[] routings = Arrays.stream(CaseRouting.class.getMethods())
                .filter(method -> method.getReturnType() == String.class && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == DelegateExecution.class)
                .map(Method::getName).toArray(String[]::new);
        assertThat(StepRoutings.CHOICES).containsExactlyInAnyOrder(routings);
    }

    @Test
    void everyChoiceHasAChineseAndAnEnglishLabel() throws IOException {
        for (String bundle : new String[] {"i18n/processowner.properties", "i18n/processowner_en.properties"}) {
            Properties labels = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String routing : StepRoutings.CHOICES) {
                assertThat(labels.getProperty("processowner.step.routing." + routing)).as(bundle + " " + routing).isNotBlank();
            }
        }
    }
}
