package cn.shixun.organisation.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import java.util.List;

/** An organisation as the API shows it; school-only fields are null for regions. */
record OrganisationView(Long id, String code, String name, OrganisationLevel level, String levelLabel, Long parentId,
                        String path, String ownPolicyProfile, List<Stage> stages, SchoolKind schoolKind,
                        Long registrationAuthorityId) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.getId(), o.code(), o.name(), o.level(), o.level().label(), o.parentId(), o.path(),
                o.ownPolicyProfile(), o.stages().stream().sorted().toList(), o.schoolKind(), o.registrationAuthorityId());
    }

    static List<OrganisationView> of(List<Organisation> organisations) {
        return organisations.stream().map(OrganisationView::of).toList();
    }
}
