package cn.shixun;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The package layout is the architecture: modules only use each other's public API. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ShixunApplication.class).verify();
    }
}
