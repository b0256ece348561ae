package press.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featuresOnlyUseEachOthersPublicSurfaceAndHaveNoCycles() {
        ApplicationModules.of(DispatchApplication.class).verify();
    }
}
