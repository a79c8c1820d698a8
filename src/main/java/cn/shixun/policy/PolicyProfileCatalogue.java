package cn.shixun.policy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The profile versions in force, from configuration ({@code shixun.policy.profiles}): a new
 * notice is added as a new entry with its effective date, without a code change.
 */
@ConfigurationProperties("shixun.policy")
record PolicyProfileCatalogue(List<PolicyProfile> profiles) {

    PolicyProfileCatalogue {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
}
